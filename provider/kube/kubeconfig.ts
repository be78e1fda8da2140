import { k8s } from "./load";

/** The API server URL and CA of a kubeconfig's current cluster; undefined when it cannot be read. */
export function endpointOf(kubeconfig: string): { server: string; ca: string } | undefined {
  try {
    const config = new (k8s().KubeConfig)();
    config.loadFromString(kubeconfig);
    const cluster = config.getCurrentCluster();
    return cluster ? { server: cluster.server, ca: cluster.caData ?? cluster.caFile ?? "" } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The kubeconfig to record: the one already in state while the endpoint and the CA are the same, so
 * `@pulumi/kubernetes` providers built from it never see a change (a new client certificate or a
 * reordered file would otherwise replace every Kubernetes resource on the cluster).
 */
export function stableKubeconfig(previous: unknown, fresh: string): string {
  if (typeof previous !== "string" || previous === fresh) return fresh;
  const before = endpointOf(previous);
  const now = endpointOf(fresh);
  return before && now && before.server === now.server && before.ca === now.ca ? previous : fresh;
}
