import { CLUSTER_DEFAULTS, drainTimeoutSeconds, secondsAsDuration } from "../../rules/cluster";
import type { Props } from "./props";

/*
 * The settings of a KubernetesCluster the server keeps for its own upgrades and drains (surge,
 * unavailability, drain timeout): sent at create in extendedProperties, changed in place through the
 * settings action (decision 0108), and read back from the server so that a change made elsewhere shows.
 */

export interface ClusterSettings {
  readonly maxSurge: number;
  readonly maxUnavailable: number;
  readonly drainTimeoutSeconds: number;
}

/** The settings the inputs ask for, defaults filled in (check has judged them already). */
export function wantedSettings(inputs: Props): ClusterSettings {
  const drain =
    typeof inputs.drainTimeout === "string" ? drainTimeoutSeconds(inputs.drainTimeout) : undefined;
  return {
    maxSurge: typeof inputs.maxSurge === "number" ? inputs.maxSurge : CLUSTER_DEFAULTS.maxSurge,
    maxUnavailable:
      typeof inputs.maxUnavailable === "number" ? inputs.maxUnavailable : CLUSTER_DEFAULTS.maxUnavailable,
    drainTimeoutSeconds: drain ?? CLUSTER_DEFAULTS.drainTimeoutSeconds,
  };
}

/** The settings a cluster has on the server: its extendedProperties, the server's defaults for the rest. */
export function liveSettings(ext: Readonly<Record<string, string>>): ClusterSettings {
  const n = (key: string, fallback: number) => {
    const v = Number(ext[key] ?? fallback);
    return Number.isSafeInteger(v) && v >= 0 ? v : fallback;
  };
  return {
    maxSurge: n("max_surge", CLUSTER_DEFAULTS.maxSurge),
    maxUnavailable: n("max_unavailable", CLUSTER_DEFAULTS.maxUnavailable),
    drainTimeoutSeconds: n("drain_timeout_seconds", CLUSTER_DEFAULTS.drainTimeoutSeconds),
  };
}

/** The create's extendedProperties for the settings. */
export function settingsProperties(s: ClusterSettings): Record<string, string> {
  return {
    max_surge: String(s.maxSurge),
    max_unavailable: String(s.maxUnavailable),
    drain_timeout_seconds: String(s.drainTimeoutSeconds),
  };
}

/**
 * The body of the settings action when the server's settings differ from the inputs' (undefined when
 * they agree). All three go together, so the server judges the pair surge/unavailability as it will be.
 */
export function settingsChange(wanted: ClusterSettings, live: ClusterSettings): Props | undefined {
  const same =
    wanted.maxSurge === live.maxSurge &&
    wanted.maxUnavailable === live.maxUnavailable &&
    wanted.drainTimeoutSeconds === live.drainTimeoutSeconds;
  if (same) return undefined;
  return {
    maxSurge: wanted.maxSurge,
    maxUnavailable: wanted.maxUnavailable,
    drainTimeout: `${wanted.drainTimeoutSeconds}s`,
  };
}

/**
 * The settings as outputs: the server's values, with the program's own spelling of the drain timeout
 * kept when it means the same seconds (`600s` stays `600s`), so only a real difference is a diff.
 */
export function settingsOutputs(ext: Readonly<Record<string, string>>, props: Props): Props {
  const live = liveSettings(ext);
  const written = typeof props.drainTimeout === "string" ? props.drainTimeout : undefined;
  const same = written !== undefined && drainTimeoutSeconds(written) === live.drainTimeoutSeconds;
  return {
    maxSurge: live.maxSurge,
    maxUnavailable: live.maxUnavailable,
    drainTimeout: same ? written : secondsAsDuration(live.drainTimeoutSeconds),
  };
}
