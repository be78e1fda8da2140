import { isUnknown, type Props } from "./props";
import { checkName, checkType, type Failure } from "./failures";
import { parseDuration } from "./timeouts";
import { shown } from "./wording";

/* check's rules of a KubernetesCluster, the server's own (controller/clusters/validate.ts) plus versions. */

const known = (v: unknown) => v !== undefined && !isUnknown(v);

/** A whole number within a range or set, after the type check (which names a non-number already). */
function checkCount(property: string, value: unknown, ok: (n: number) => boolean, rule: string): Failure[] {
  if (!known(value)) return [];
  if (!Number.isSafeInteger(value)) return [{ property, reason: "must be a whole number" }];
  return ok(value as number) ? [] : [{ property, reason: `${rule} (was ${shown(value)})` }];
}

const between = (low: number, high: number) => (n: number) => n >= low && n <= high;

/** `1.36.3`: versions are compared numerically, so they must be three whole numbers. */
export function parseVersion(text: unknown): [number, number, number] | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Negative when `a` is older than `b`; undefined when either cannot be read. */
export function compareVersions(a: unknown, b: unknown): number | undefined {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return undefined;
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

function checkUpgradePolicy(i: Props): Failure[] {
  const failures = [
    ...checkCount("maxSurge", i.maxSurge, between(0, 100), "must be from 0 to 100"),
    ...checkCount("maxUnavailable", i.maxUnavailable, between(0, 100), "must be from 0 to 100"),
  ];
  // With neither extra nodes nor nodes taken away, a rolling upgrade could never replace a node.
  if (i.maxSurge === 0 && i.maxUnavailable === 0)
    failures.push({ property: "maxUnavailable", reason: "must be at least 1 when maxSurge is 0" });
  return failures;
}

function checkStrings(i: Props): Failure[] {
  return ["projectId", "networkId", "storagePoolId", "masterVmFlavor", "workerVmFlavor"].flatMap((k) =>
    checkType(k, i[k], "string"),
  );
}

function checkVersionAndDrain(i: Props): Failure[] {
  const failures: Failure[] = [];
  const version = i.kubernetesVersion;
  if (known(version) && !parseVersion(version))
    failures.push({
      property: "kubernetesVersion",
      reason: `must be a version such as 1.36.3 (was ${shown(version)})`,
    });
  const drain = i.drainTimeout;
  if (known(drain) && (typeof drain !== "string" || parseDuration(drain) === undefined))
    failures.push({
      property: "drainTimeout",
      reason: `must be a duration such as 90s, 10m or 1h (was ${shown(drain)})`,
    });
  return failures;
}

/** Every rule of the cluster's own inputs; the shared ones (shape, adoption, timeouts) come from `checked`. */
export function clusterFailures(i: Props): Failure[] {
  return [
    ...checkName("name", i.name),
    ...checkStrings(i),
    ...checkCount("masterCount", i.masterCount, (n) => [1, 3, 5].includes(n), "must be 1, 3 or 5"),
    ...checkCount("etcdCount", i.etcdCount, between(1, 5), "must be from 1 to 5"),
    ...checkCount("workerCount", i.workerCount, between(0, 1000), "must be from 0 to 1000"),
    ...checkType("autoRepair", i.autoRepair, "boolean"),
    ...checkUpgradePolicy(i),
    ...checkVersionAndDrain(i),
  ];
}
