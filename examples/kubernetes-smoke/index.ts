import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const provider = new k8s.Provider("cluster", { kubeconfig: config.requireSecret("kubeconfig") });

const namespace = new k8s.core.v1.Namespace("smoke", { metadata: { name: "photon-smoke" } }, { provider });
const settings = new k8s.core.v1.ConfigMap(
  "settings",
  {
    metadata: { name: "settings", namespace: namespace.metadata.name },
    data: { greeting: config.get("greeting") ?? "hello" },
  },
  { provider },
);

export const namespaceName = namespace.metadata.name;
export const configMapName = settings.metadata.name;
