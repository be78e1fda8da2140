import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

// Provider settings (photon:endpoint, and photon:token or photon:username + photon:password) come from
// the stack's config or PHOTON_* variables. This program's own settings:
//   esxPassword (secret, required)   login of the hosts' management agents
//   workerCount (default 2)          scale the cluster in place: `pulumi config set workerCount 3`
//   kubernetesVersion (default 1.36.3; 1.35.4 is also offered) a newer version rolls node by node
const cfg = new pulumi.Config();
const esxPassword = cfg.requireSecret("esxPassword");
const workerCount = cfg.getNumber("workerCount") ?? 2;
const kubernetesVersion = cfg.get("kubernetesVersion") ?? "1.36.3";

// --- The platform: hosts, an elastic vSAN pool that survives one host failure.
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
  capacityGb: 1024,
  failuresToTolerate: 1,
});

// --- A team: a tenant with quotas, its project, a network that denies what no rule allows.
const tenant = new photon.Tenant("acme", {
  quota: {
    vm: { limit: 40, unit: "COUNT" },
    "vm.cpu": { limit: 64, unit: "COUNT" },
    "vm.memory": { limit: 256, unit: "GB" },
    "persistent-disk.capacity": { limit: 200, unit: "GB" },
  },
});
const project = new photon.Project("web", { tenantId: tenant.id, defaultRouterPrivateIpCidr: "10.0.0.0/8" });
const network = new photon.Network("front", {
  projectId: project.id,
  cidr: "10.10.0.0/16",
  description: "the web team's cluster network",
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
      // The Kubernetes API only from inside the datacenter: administrative ports are never open to the world.
      {
        name: "kube-api",
        direction: "INGRESS",
        action: "ALLOW",
        protocol: "TCP",
        cidrs: ["10.0.0.0/8"],
        ports: ["6443"],
      },
      { name: "egress", direction: "EGRESS", action: "ALLOW", protocol: "ANY", cidrs: ["0.0.0.0/0"] },
    ],
  },
});

// --- Kubernetes as a service: three masters, workers on the team's network, disks in the pool.
const cluster = new photon.KubernetesCluster("k8s", {
  projectId: project.id,
  networkId: network.id,
  storagePoolId: pool.id,
  masterCount: 3,
  workerCount,
  kubernetesVersion,
  autoRepair: true,
  drainTimeout: "2m",
});

// --- The application, deployed on the cluster with @pulumi/kubernetes.
const provider = cluster.provider;
const web = { app: "web" };
const deployment = new k8s.apps.v1.Deployment(
  "web",
  {
    metadata: { name: "web", namespace: "default" },
    spec: {
      replicas: 3,
      selector: { matchLabels: web },
      template: {
        metadata: { labels: web },
        spec: { containers: [{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] },
      },
    },
  },
  { provider },
);
const service = new k8s.core.v1.Service(
  "web",
  {
    metadata: { name: "web", namespace: "default" },
    spec: { selector: web, ports: [{ port: 80, targetPort: 80 }] },
  },
  { provider, dependsOn: [deployment] },
);
// One pod at a time may go while a node drains (scale-down, upgrade): never zero, or a drain never ends.
new k8s.policy.v1.PodDisruptionBudget(
  "web",
  {
    metadata: { name: "web", namespace: "default" },
    spec: { maxUnavailable: 1, selector: { matchLabels: web } },
  },
  { provider },
);

// A stateful service: each replica gets its own volume, carved from the cluster's vSAN pool.
const db = { app: "db" };
new k8s.core.v1.Service(
  "db",
  {
    metadata: { name: "db", namespace: "default" },
    spec: { clusterIP: "None", selector: db, ports: [{ port: 6379 }] },
  },
  { provider },
);
const statefulSet = new k8s.apps.v1.StatefulSet(
  "db",
  {
    metadata: { name: "db", namespace: "default" },
    spec: {
      serviceName: "db", // the headless Service above
      replicas: 2,
      selector: { matchLabels: db },
      template: {
        metadata: { labels: db },
        spec: {
          containers: [
            {
              name: "db",
              image: "redis:7",
              ports: [{ containerPort: 6379 }],
              volumeMounts: [{ name: "data", mountPath: "/data" }],
            },
          ],
        },
      },
      // No storageClassName: the cluster's default class, the one of its storage pool.
      volumeClaimTemplates: [
        {
          metadata: { name: "data" },
          spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
        },
      ],
    },
  },
  { provider },
);

export const clusterId = cluster.clusterId;
export const kubeconfig = pulumi.secret(cluster.kubeconfig);
export const apiEndpoint = cluster.apiEndpoint;
export const version = cluster.version;
export const masterNodes = cluster.masterNodes;
export const workerNodes = cluster.workerNodes;
export const readyNodes = cluster.readyNodes;
// As of the pool's last read (`pulumi refresh` updates it); the Photon API has the live figure.
export const poolUsage = { poolId: pool.id, capacityGb: pool.capacityGb, usedGb: pool.usedGb };
export const application = {
  deployment: deployment.metadata.name,
  service: service.metadata.name,
  statefulSet: statefulSet.metadata.name,
};
