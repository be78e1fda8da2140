import type * as K8s from "@kubernetes/client-node";

let loaded: typeof K8s | undefined;

/**
 * `@kubernetes/client-node`, loaded on first use. It was three quarters of the provider's start-up
 * (measured by timing each require of provider/index.js) and only a KubernetesCluster's drain and node
 * checks need it, while every `pulumi preview` starts a provider process that loads this package.
 */
export function k8s(): typeof K8s {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose
  loaded ??= require("@kubernetes/client-node") as typeof K8s;
  return loaded;
}
