import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

// Provider settings (photon:endpoint, photon:username, photon:password) come from the stack's config.
const cfg = new pulumi.Config();
const esxPassword = cfg.requireSecret("esxPassword");

const hosts = [1, 2, 3].map(
  (n) =>
    new photon.Host(`esx-0${n}`, {
      address: `10.20.0.1${n}`,
      username: "root",
      password: esxPassword,
      usageTags: ["CLOUD"],
      metadata: { cpuCount: "32", memoryMb: "131072", datastoreGb: "2048" },
    }),
);

const pool = new photon.StoragePool("vsan", {
  hostIds: hosts.map((h) => h.id),
  capacityGb: cfg.getNumber("poolCapacityGb") ?? 1024,
  failuresToTolerate: 1,
});

const tenant = new photon.Tenant("acme", {
  quota: {
    "vm.cpu": { limit: 64, unit: "COUNT" },
    "vm.memory": { limit: 256, unit: "GB" },
  },
});
const project = new photon.Project("web", { tenantId: tenant.id, defaultRouterPrivateIpCidr: "10.0.0.0/8" });

const network = new photon.Network("front", {
  projectId: project.id,
  cidr: "10.10.0.0/16",
  description: "public front end",
  securityPolicy: {
    defaultAction: "DENY",
    rules: [
      {
        name: "https",
        direction: "INGRESS",
        action: "ALLOW",
        protocol: "TCP",
        cidrs: ["0.0.0.0/0"],
        ports: ["443"],
      },
      { name: "egress", direction: "EGRESS", action: "ALLOW", protocol: "ANY", cidrs: ["0.0.0.0/0"] },
    ],
  },
});

export const hostIds = hosts.map((h) => h.id);
export const poolDatastore = pool.id;
export const projectId = project.id;
export const networkId = network.id;
