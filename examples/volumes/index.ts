import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as photon from "pulumi-photon";

// Provider settings (photon:endpoint, photon:username, photon:password) come from the stack's config.
const cfg = new pulumi.Config();

// Three hosts: a pool that tolerates one host failure needs 2 * 1 + 1 members.
const hosts = [1, 2, 3].map(
  (n) =>
    new photon.Host(`esx-0${n}`, {
      address: `10.31.0.1${n}`,
      username: "root",
      password: cfg.requireSecret("esxPassword"),
      usageTags: ["CLOUD"],
      metadata: { cpuCount: "32", memoryMb: "131072", datastoreGb: "2048" },
    }),
);
const pool = new photon.StoragePool("vsan", {
  hostIds: hosts.map((h) => h.id),
  capacityGb: 300,
  failuresToTolerate: 1,
});
const tenant = new photon.Tenant("data", {});
const project = new photon.Project("db", { tenantId: tenant.id });

// The cluster gets the pool's StorageClass, marked default: claims that name no class use the pool.
const cluster = new photon.KubernetesCluster("k8s", {
  projectId: project.id,
  storagePoolId: pool.id,
  workerCount: 2,
});

const labels = { app: "db" };
const replicas = cfg.getNumber("replicas") ?? 3;
const db = new k8s.apps.v1.StatefulSet(
  "db",
  {
    metadata: { name: "db", namespace: "default" },
    spec: {
      serviceName: "db",
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: "db",
              image: "postgres",
              volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql" }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: "data" },
          spec: {
            accessModes: ["ReadWriteOnce"],
            // Named outright: the pool's class, as the pool reports it.
            storageClassName: pool.storageClassName,
            resources: { requests: { storage: cfg.get("volumeSize") ?? "2Gi" } },
          },
        },
      ],
    },
  },
  { provider: cluster.provider },
);

export const poolId = pool.id;
export const storageClassName = pool.storageClassName;
export const projectId = project.id;
export const clusterId = cluster.clusterId;
export const statefulSet = db.metadata.name;
export const kubeconfig = cluster.kubeconfig;
