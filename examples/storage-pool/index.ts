import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

const cfg = new pulumi.Config();
const password = cfg.requireSecret("esxPassword");

const hosts = [1, 2, 3].map(
  (n) =>
    new photon.Host(`esx-0${n}`, {
      address: `10.20.1.${n}`,
      username: "root",
      password,
      usageTags: ["CLOUD"],
    }),
);

const pool = new photon.StoragePool("vsan", {
  hostIds: hosts.map((h) => h.id),
  capacityGb: cfg.getNumber("capacityGb") ?? 2048,
  failuresToTolerate: cfg.getNumber("failuresToTolerate") ?? 1,
});

export const poolId = pool.id;
export const datastoreId = pool.datastoreId;
