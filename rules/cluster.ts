/**
 * The rules of a Kubernetes cluster's settings, for the provider's `check` (KubernetesCluster inputs)
 * and the controller (the create's extendedProperties and the settings action). Each rule answers the
 * problem of a value; each side names the property as its input does (decision 0005). Pure: imports
 * nothing of either side.
 */
import { durationMs } from "./duration";
import { rangeProblem } from "./wording";

export const MASTER_COUNTS: readonly number[] = [1, 3, 5];
export const ETCD_COUNT = { minimum: 1, maximum: 5 } as const;
export const WORKER_COUNT = { minimum: 0, maximum: 1000 } as const;
/** maxSurge and maxUnavailable, each: nodes an upgrade may add or take away at once. */
export const SURGE = { minimum: 0, maximum: 100 } as const;
/** A day at most: a drain that long is a budget that never allows a disruption, not a slow pod. */
export const DRAIN_TIMEOUT_SECONDS = { minimum: 0, maximum: 86_400 } as const;

/** What a cluster gets when the caller says nothing: Cluster API's surge and `kubectl drain`'s ceiling. */
export const CLUSTER_DEFAULTS = {
  maxSurge: 1,
  maxUnavailable: 0,
  drainTimeoutSeconds: 600,
  drainTimeout: "10m",
} as const;

function inRange(value: number, range: { minimum: number; maximum: number }): string | undefined {
  return Number.isSafeInteger(value) && value >= range.minimum && value <= range.maximum
    ? undefined
    : rangeProblem(range.minimum, range.maximum, true);
}

export function masterCountProblem(value: number): string | undefined {
  return MASTER_COUNTS.includes(value) ? undefined : "must be 1, 3 or 5";
}

export const etcdCountProblem = (value: number) => inRange(value, ETCD_COUNT);
export const workerCountProblem = (value: number) => inRange(value, WORKER_COUNT);
/** Of maxSurge and of maxUnavailable alike. */
export const surgeProblem = (value: number) => inRange(value, SURGE);
export const drainTimeoutSecondsProblem = (value: number) => inRange(value, DRAIN_TIMEOUT_SECONDS);

/**
 * Of maxUnavailable, given maxSurge: with neither extra nodes nor nodes taken away a rolling upgrade
 * could never replace a node (Cluster API refuses the pair too).
 */
export function unavailableWithSurgeProblem(maxSurge: number, maxUnavailable: number): string | undefined {
  return maxSurge === 0 && maxUnavailable === 0 ? "must be at least 1 when maxSurge is 0" : undefined;
}

/** Whole seconds of a drain timeout written as a duration (`90s`, `10m`, `1h`); part of a second counts 1. */
export function drainTimeoutSeconds(text: string): number | undefined {
  const ms = durationMs(text);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

export function drainTimeoutProblem(text: string): string | undefined {
  const seconds = drainTimeoutSeconds(text);
  return seconds !== undefined && drainTimeoutSecondsProblem(seconds) === undefined
    ? undefined
    : "must be a duration from 0s to 24h, such as 90s, 10m or 1h";
}

/** The shortest way to write whole seconds as a duration: 600 is `10m`, 90 is `90s`, 3600 is `1h`. */
export function secondsAsDuration(seconds: number): string {
  if (seconds > 0 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds > 0 && seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** `1.36.3` (a leading `v` allowed): versions are compared numerically, so three whole numbers. */
export function parseVersion(text: unknown): [number, number, number] | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function versionProblem(text: string): string | undefined {
  return parseVersion(text) ? undefined : "must be a version such as 1.36.3";
}

/** Negative when `a` is older than `b`; undefined when either cannot be read. */
export function compareVersions(a: unknown, b: unknown): number | undefined {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return undefined;
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
