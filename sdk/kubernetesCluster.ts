import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { KubernetesClusterArgs } from "./generated";
import { KubernetesCluster as GeneratedKubernetesCluster } from "./resources.generated";

/**
 * A Kubernetes cluster (Kubernetes as a service), plus `provider`: a `@pulumi/kubernetes` provider built
 * from its kubeconfig, so Kubernetes resources go on it with `{ provider: cluster.provider }` (the
 * pulumi-eks convention). The generated class stays the one description of inputs and outputs.
 */
export class KubernetesCluster extends GeneratedKubernetesCluster {
  private kubernetesProvider?: k8s.Provider;

  constructor(
    private readonly resourceName: string,
    args: KubernetesClusterArgs,
    opts: pulumi.CustomResourceOptions = {},
  ) {
    super(resourceName, args, opts);
  }

  /**
   * Talks to this cluster's API server. Made on first use: a program that never deploys on the cluster
   * (or a controller that runs clusters as VMs only, without a kubeconfig) registers no provider.
   */
  get provider(): k8s.Provider {
    this.kubernetesProvider ??= new k8s.Provider(
      `${this.resourceName}-k8s`,
      {
        kubeconfig: this.kubeconfig.apply((k) => requireKubeconfig(this.resourceName, k)),
        // A preview of any cluster update shows the kubeconfig as unknown (dynamic providers have no
        // preview of outputs); without this the Kubernetes provider, and everything on it, would show as
        // replaced. Only a new cluster (a new id) is another cluster (decision 0508).
        clusterIdentifier: this.id,
      },
      { parent: this },
    );
    return this.kubernetesProvider;
  }
}

/**
 * An absent kubeconfig must not reach the provider: `@pulumi/kubernetes` would fall back to the
 * user's own current kubectl context and deploy there.
 */
function requireKubeconfig(name: string, kubeconfig: string | undefined): string {
  if (kubeconfig) return kubeconfig;
  throw new Error(`KubernetesCluster ${name} has no kubeconfig: the server runs it without a Kubernetes API`);
}
