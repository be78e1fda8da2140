import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

const cfg = new pulumi.Config();

const host = new photon.Host("esx-01", {
  address: cfg.get("address") ?? "10.20.0.11",
  username: "root",
  password: cfg.requireSecret("esxPassword"),
  usageTags: ["CLOUD"],
  metadata: { cpuCount: "32", memoryMb: "131072", datastoreGb: "2048" },
  maintenance: cfg.getBoolean("maintenance") ?? false,
  timeouts: { update: "10m", delete: "10m" },
});

export const hostId = host.id;
export const state = host.state;
