import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

const cfg = new pulumi.Config();

const tenant = new photon.Tenant("acme", {
  name: cfg.get("tenantName") ?? "acme",
  // Set to manage a tenant that already exists (dynamic resources cannot be imported).
  adoptName: cfg.get("adoptName"),
  securityGroups: ["acme\\admins"],
  quota: {
    "vm.cpu": { limit: cfg.getNumber("cpuLimit") ?? 64, unit: "COUNT" },
    "vm.memory": { limit: 256, unit: "GB" },
  },
});

export const tenantId = tenant.id;
export const quotaUsage = tenant.quotaUsage;
