import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { KubernetesClusterArgs } from "./generated";
import {
  KubernetesCluster as GeneratedKubernetesCluster,
  KubernetesClusterAccess,
} from "./resources.generated";

/**
 * A Kubernetes cluster (Kubernetes as a service), plus `provider`: a `@pulumi/kubernetes` provider built
 * from its kubeconfig, so Kubernetes resources go on it with `{ provider: cluster.provider }` (the
 * pulumi-eks convention). The generated class stays the one description of inputs and outputs.
 */
export class KubernetesCluster extends GeneratedKubernetesCluster {
  private kubernetesProvider?: k8s.Provider;
  private clusterAccess?: KubernetesClusterAccess;

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
        // From the access resource, not from this cluster's own outputs: the preview of any in-place
        // update of the cluster shows all its outputs unknown (dynamic providers have no preview of
        // outputs), which would show every Kubernetes resource on the provider as changed. The access
        // changes only with the cluster's id (decision 0513).
        kubeconfig: this.access.kubeconfig.apply((k) => requireKubeconfig(this.resourceName, k)),
        // A kubeconfig a refresh found changed (a new CA) updates the provider in place; only a new
        // cluster (a new id) is another cluster (decision 0508).
        clusterIdentifier: this.id,
      },
      { parent: this },
    );
    return this.kubernetesProvider;
  }

  /** The cluster's kubeconfig, held apart from the cluster (see `provider`); made on first use. */
  get access(): KubernetesClusterAccess {
    this.clusterAccess ??= new KubernetesClusterAccess(
      `${this.resourceName}-access`,
      { clusterId: this.id },
      { parent: this },
    );
    return this.clusterAccess;
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
