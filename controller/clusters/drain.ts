import type { Cluster } from "../model";
import type { Platform } from "../platform";
import type { DrainOptions } from "./runtime";

/** Ten minutes, as the provider's `drainTimeout` default and `kubectl drain`'s usual ceiling. */
export const DEFAULT_DRAIN_TIMEOUT_SECONDS = 600;

/** Seconds from extendedProperties.drain_timeout_seconds (validated at create; the default otherwise). */
export function drainTimeoutSeconds(c: Pick<Cluster, "extendedProperties">): number {
  const v = Number(c.extendedProperties["drain_timeout_seconds"] ?? DEFAULT_DRAIN_TIMEOUT_SECONDS);
  return Number.isInteger(v) && v >= 0 ? v : DEFAULT_DRAIN_TIMEOUT_SECONDS;
}

/** How the nodes of cluster c are drained; a stopping controller ends a drain early (it is re-run). */
export function drainOf(p: Platform, c: Pick<Cluster, "extendedProperties">): DrainOptions {
  return { timeoutMs: drainTimeoutSeconds(c) * 1000, aborted: () => p.engine.stopped };
}
