import type { Platform } from "../platform";

/** Deletes a network and its subnets at once (the project's forced delete). */
export function deleteNetworkNow(p: Platform, networkId: string): void {
  for (const s of p.store.list("subnet", networkId)) p.store.delete("subnet", s.id);
  p.store.delete("network", networkId);
}

/** Name of a cluster that uses the network or subnet, if any. */
export function usedByCluster(p: Platform, projectId: string, id: string): string | undefined {
  return p.store.list("service", projectId).find((c) => c.networkId === id || c.subnetId === id)?.id;
}
