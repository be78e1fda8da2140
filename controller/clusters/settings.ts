import {
  CLUSTER_DEFAULTS,
  drainTimeoutProblem,
  drainTimeoutSeconds,
  SURGE,
  unavailableWithSurgeProblem,
} from "../../rules/cluster";
import { DEFAULT_STORAGE_CLASS_PROPERTY } from "../../rules/volumes";
import { invalidEntity } from "../http/errors";
import { object } from "../http/schemas";
import type { Cluster } from "../model";
import { inlineOp } from "../tasks/inline";
import { loadCluster, patchCluster } from "./store";

/*
 * Extension: `POST /v1/services/{id}/set_settings` changes the settings a cluster's operations read
 * after its create (surge and unavailability of upgrades, the drain timeout of upgrades and
 * maintenance), kept where the create put them: extendedProperties (decision 0108).
 */

export interface SettingsBody {
  maxSurge?: number;
  maxUnavailable?: number;
  /** A duration such as 90s, 10m or 1h (rules/cluster.ts), kept as whole seconds. */
  drainTimeout?: string;
  /** Whether the cluster's pool's StorageClass is its default class (its volume provisioner applies it). */
  defaultStorageClass?: boolean;
}

const surgeSchema = { type: "integer", minimum: SURGE.minimum, maximum: SURGE.maximum };
export const settingsBodySchema = object({
  maxSurge: surgeSchema,
  maxUnavailable: surgeSchema,
  drainTimeout: { type: "string" },
  defaultStorageClass: { type: "boolean" },
});

export interface SettingsInput {
  extendedProperties: Record<string, string>;
}

/** One synchronous step: the new values replace the old ones in extendedProperties, nothing else. */
export const setClusterSettings = inlineOp<SettingsInput>("SET_CLUSTER_SETTINGS", (p, input, id) => {
  const c = loadCluster(p, id);
  patchCluster(p, id, { extendedProperties: { ...c.extendedProperties, ...input.extendedProperties } });
});

/** The extendedProperties a settings body sets, checked by the cluster rules against what it keeps. */
export function settingsPatch(
  c: Pick<Cluster, "extendedProperties">,
  b: SettingsBody,
): Record<string, string> {
  const ext = c.extendedProperties;
  const surge = b.maxSurge ?? Number(ext["max_surge"] ?? CLUSTER_DEFAULTS.maxSurge);
  const unavailable = b.maxUnavailable ?? Number(ext["max_unavailable"] ?? CLUSTER_DEFAULTS.maxUnavailable);
  const pair = unavailableWithSurgeProblem(surge, unavailable);
  if (pair) throw invalidEntity("maxUnavailable", pair, unavailable);
  const drain = b.drainTimeout;
  const drainProblem = drain === undefined ? undefined : drainTimeoutProblem(drain);
  if (drainProblem) throw invalidEntity("drainTimeout", drainProblem, drain);
  const seconds = drain === undefined ? undefined : drainTimeoutSeconds(drain);
  return {
    ...(b.maxSurge !== undefined && { max_surge: String(b.maxSurge) }),
    ...(b.maxUnavailable !== undefined && { max_unavailable: String(b.maxUnavailable) }),
    ...(seconds !== undefined && { drain_timeout_seconds: String(seconds) }),
    ...(b.defaultStorageClass !== undefined && {
      [DEFAULT_STORAGE_CLASS_PROPERTY]: String(b.defaultStorageClass),
    }),
  };
}
