import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

// A small platform whose settings come from the stack, so one program both passes and breaks each rule
// of pulumi-photon/policy, and scales, upgrades and tightens for the preview tests.
const cfg = new pulumi.Config();
const password = cfg.requireSecret("esxPassword");

const hosts = [1, 2, 3].map(
  (n) =>
    new photon.Host(`esx-0${n}`, {
      address: `10.40.0.${n}`,
      username: "root",
      password,
      usageTags: ["CLOUD"],
      metadata: { cpuCount: "64", memoryMb: "262144", datastoreGb: "4096" },
    }),
);
const pool = new photon.StoragePool("vsan", {
  hostIds: hosts.map((h) => h.id),
  capacityGb: 2048,
  failuresToTolerate: cfg.getNumber("failuresToTolerate") ?? 1,
});

const quota = {
  "vm.cpu": { limit: 256, unit: "COUNT" as const },
  "vm.memory": { limit: 1024, unit: "GB" as const },
};
const tenant = new photon.Tenant("acme", {
  quota: (cfg.getBoolean("tenantQuota") ?? true) ? quota : undefined,
});
const project = new photon.Project("web", { tenantId: tenant.id, defaultRouterPrivateIpCidr: "10.0.0.0/8" });
const network = new photon.Network("front", {
  projectId: project.id,
  cidr: "10.10.0.0/16",
  securityPolicy: {
    defaultAction: cfg.get("defaultAction") === "ALLOW" ? "ALLOW" : "DENY",
    rules: [
      {
        name: "https",
        direction: "INGRESS",
        action: "ALLOW",
        protocol: "TCP",
        cidrs: ["0.0.0.0/0"],
        ports: ["443"],
      },
      {
        name: "admin",
        direction: "INGRESS",
        action: "ALLOW",
        protocol: "TCP",
        cidrs: [cfg.get("adminCidr") ?? "10.0.0.0/8"],
        ports: cfg.get("adminPorts")?.split(",") ?? ["22", "6443"],
      },
    ],
  },
});

const cluster = new photon.KubernetesCluster(
  "k8s",
  {
    projectId: cfg.get("projectId") ?? project.id,
    networkId: network.id,
    storagePoolId: pool.id,
    masterCount: cfg.getNumber("masterCount") ?? 3,
    workerCount: cfg.getNumber("workerCount") ?? 2,
    kubernetesVersion: cfg.get("kubernetesVersion"),
    autoRepair: cfg.getBoolean("autoRepair"),
    drainTimeout: cfg.get("drainTimeout") ?? "5m",
  },
  { dependsOn: hosts },
);

// A second cluster only when asked: the per-stack worker cap counts every cluster of the stack.
const batchWorkers = cfg.getNumber("batchWorkers") ?? 0;
if (batchWorkers > 0)
  new photon.KubernetesCluster(
    "batch",
    { projectId: project.id, masterCount: 3, workerCount: batchWorkers },
    { dependsOn: hosts },
  );

/** `1` -> 1, `50%` -> "50%": a budget limit as Kubernetes takes it. */
function intOrPercent(text: string | undefined): number | string | undefined {
  return text === undefined || text.endsWith("%") ? text : Number(text);
}

// An application with its budget, only when asked: its provider needs the cluster's kubeconfig, which
// a VM-only controller does not give (the policy tests only preview it).
const budget = {
  minAvailable: intOrPercent(cfg.get("budgetMinAvailable")),
  maxUnavailable: intOrPercent(cfg.get("budgetMaxUnavailable")),
};
if (budget.minAvailable !== undefined || budget.maxUnavailable !== undefined) {
  const labels = { app: "web" };
  new k8s.apps.v1.Deployment(
    "web",
    {
      metadata: { name: "web", namespace: "default" },
      spec: {
        replicas: cfg.getNumber("replicas") ?? 3,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: "web", image: "nginx" }] } },
      },
    },
    { provider: cluster.provider },
  );
  new k8s.policy.v1.PodDisruptionBudget(
    "web",
    {
      metadata: { name: "web", namespace: "default" },
      spec: { ...budget, selector: { matchLabels: labels } },
    },
    { provider: cluster.provider },
  );
}

export const clusterId = cluster.clusterId;
export const networkId = network.id;
