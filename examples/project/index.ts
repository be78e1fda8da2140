import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

const cfg = new pulumi.Config();

const tenant = new photon.Tenant("acme", { quota: { "vm.cpu": { limit: 64, unit: "COUNT" } } });
const project = new photon.Project("web", {
  tenantId: tenant.id,
  name: cfg.get("projectName") ?? "web",
  quota: { "vm.cpu": { limit: cfg.getNumber("cpuLimit") ?? 16, unit: "COUNT" } },
  securityGroups: ["acme\\web"],
});

export const tenantId = tenant.id;
export const projectId = project.id;
