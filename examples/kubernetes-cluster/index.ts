import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

// Provider settings (photon:endpoint, photon:username, photon:password) come from the stack's config.
const cfg = new pulumi.Config();

// Two hosts: the workers spread over both, so the cluster outlives either one (the platform's
// maintenance replaces the nodes of a failed host on the other).
const hosts = [1, 2].map(
  (n) =>
    new photon.Host(`esx-0${n}`, {
      address: `10.30.0.1${n}`,
      username: "root",
      password: cfg.requireSecret("esxPassword"),
      usageTags: ["CLOUD"],
      metadata: { cpuCount: "32", memoryMb: "131072", datastoreGb: "2048" },
    }),
);
const tenant = new photon.Tenant("acme", {});
const project = new photon.Project("web", { tenantId: tenant.id });

const cluster = new photon.KubernetesCluster(
  "k8s",
  {
    projectId: project.id,
    masterCount: 1,
    workerCount: cfg.getNumber("workerCount") ?? 2,
    // A newer version rolls node by node in place; an older one would replace the cluster.
    kubernetesVersion: cfg.get("kubernetesVersion") ?? "1.35.4",
    drainTimeout: cfg.get("drainTimeout") ?? "2m",
  },
  { dependsOn: hosts },
);

const labels = { app: "web" };
const app = new k8s.apps.v1.Deployment(
  "web",
  {
    metadata: { name: "web", namespace: "default" },
    spec: {
      replicas: 3,
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
    spec: { maxUnavailable: cfg.getNumber("maxUnavailable") ?? 1, selector: { matchLabels: labels } },
  },
  { provider: cluster.provider },
);

export const clusterId = cluster.clusterId;
export const workerNodes = cluster.workerNodes;
export const readyNodes = cluster.readyNodes;
export const notReadyNodes = cluster.notReadyNodes;
export const version = cluster.version;
export const state = cluster.state;
export const kubeconfig = cluster.kubeconfig;
export const deployment = app.metadata.name;
