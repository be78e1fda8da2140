import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

// Provider settings (photon:endpoint, photon:username, photon:password) come from the stack's config.
// `prefix` names this stack's tenant so several stacks share one controller; with `sharedHosts` set, the
// hosts (and their capacity) are the platform team's, already on the server, and the stack brings only
// its tenant, project, network and cluster (on the shared pool `storagePoolId` when given).
const cfg = new pulumi.Config();
const prefix = cfg.get("prefix") ?? "chaos";
const sharedHosts = cfg.getBoolean("sharedHosts") ?? false;

let storagePoolId: pulumi.Input<string> | undefined = cfg.get("storagePoolId");
let hostIds: pulumi.Output<string>[] = [];
if (!sharedHosts) {
  const esxPassword = cfg.requireSecret("esxPassword");
  const hosts = [1, 2, 3].map(
    (n) =>
      new photon.Host(`esx-0${n}`, {
        address: `10.40.0.1${n}`,
        username: "root",
        password: esxPassword,
        usageTags: ["CLOUD"],
        metadata: { cpuCount: "32", memoryMb: "131072", datastoreGb: "2048" },
      }),
  );
  hostIds = hosts.map((h) => h.id);
  storagePoolId = new photon.StoragePool("vsan", {
    name: `${prefix}-vsan`,
    hostIds,
    capacityGb: 1024,
    failuresToTolerate: 1,
  }).id;
}

const tenant = new photon.Tenant("tenant", {
  name: `${prefix}-tenant`,
  quota: { "vm.cpu": { limit: 64, unit: "COUNT" }, "vm.memory": { limit: 256, unit: "GB" } },
});
const project = new photon.Project("web", { tenantId: tenant.id, defaultRouterPrivateIpCidr: "10.0.0.0/8" });
const network = new photon.Network("front", {
  projectId: project.id,
  cidr: "10.10.0.0/16",
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
    ],
  },
});
const cluster = new photon.KubernetesCluster("k8s", {
  projectId: project.id,
  networkId: network.id,
  ...(storagePoolId && { storagePoolId }),
  masterCount: 1,
  workerCount: cfg.getNumber("workerCount") ?? 2,
});

export const hosts = hostIds;
export const tenantId = tenant.id;
export const clusterId = cluster.clusterId;
export const workerNodes = cluster.workerNodes;
