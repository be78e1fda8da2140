import { must } from "../http/replies";
import type { Cluster } from "../model";
import type { Platform } from "../platform";

export function loadCluster(p: Platform, id: string): Cluster {
  return must(p.store.get("service", id), "service", id, "ClusterNotFound");
}

export function saveCluster(p: Platform, c: Cluster): void {
  p.store.put("service", c, c.projectId);
}

export function patchCluster(p: Platform, id: string, patch: Partial<Cluster>): Cluster {
  const c = { ...loadCluster(p, id), ...patch };
  saveCluster(p, c);
  return c;
}

/** Splits a list in batches of at most `size` (size below 1 counts as 1). */
export function batches<T>(items: T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}
