import {
  drainTimeoutProblem,
  etcdCountProblem,
  masterCountProblem,
  surgeProblem,
  unavailableWithSurgeProblem,
  versionProblem,
  workerCountProblem,
} from "../../rules/cluster";
import { checkName, checkType, ruleFailure, type Failure } from "./failures";
import { isUnknown, type Props } from "./props";

/* check's rules of a KubernetesCluster: the cluster rules (rules/cluster.ts) the server asks too. */

const known = (v: unknown) => v !== undefined && !isUnknown(v);

/** A count: a non-number is named by its type; any other number is the rule's to judge. */
function checkCount(property: string, value: unknown, problem: (n: number) => string | undefined): Failure[] {
  if (!known(value)) return [];
  if (typeof value !== "number") return checkType(property, value, "integer");
  return ruleFailure(property, problem(value), value);
}

/** A string input judged by a rule once it is a string. */
function checkText(property: string, value: unknown, problem: (s: string) => string | undefined): Failure[] {
  if (!known(value)) return [];
  if (typeof value !== "string") return checkType(property, value, "string");
  return ruleFailure(property, problem(value), value);
}

function checkUpgradePolicy(i: Props): Failure[] {
  const { maxSurge, maxUnavailable } = i;
  const failures = [
    ...checkCount("maxSurge", maxSurge, surgeProblem),
    ...checkCount("maxUnavailable", maxUnavailable, surgeProblem),
  ];
  if (failures.length > 0 || typeof maxSurge !== "number" || typeof maxUnavailable !== "number")
    return failures;
  return ruleFailure("maxUnavailable", unavailableWithSurgeProblem(maxSurge, maxUnavailable), maxUnavailable);
}

function checkStrings(i: Props): Failure[] {
  return ["projectId", "networkId", "storagePoolId", "masterVmFlavor", "workerVmFlavor"].flatMap((k) =>
    checkType(k, i[k], "string"),
  );
}

/** Every rule of the cluster's own inputs; the shared ones (shape, adoption, timeouts) come from `checked`. */
export function clusterFailures(i: Props): Failure[] {
  return [
    ...checkName("name", i.name),
    ...checkStrings(i),
    ...checkCount("masterCount", i.masterCount, masterCountProblem),
    ...checkCount("etcdCount", i.etcdCount, etcdCountProblem),
    ...checkCount("workerCount", i.workerCount, workerCountProblem),
    ...checkType("autoRepair", i.autoRepair, "boolean"),
    ...checkUpgradePolicy(i),
    ...checkText("kubernetesVersion", i.kubernetesVersion, versionProblem),
    ...checkText("drainTimeout", i.drainTimeout, drainTimeoutProblem),
  ];
}
