import type { V1LabelSelector, V1PodDisruptionBudget } from "@kubernetes/client-node";

/** A pod as the drain reports it. */
export interface PodRef {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Whether a label selector selects `labels`, as the API server decides it (matchLabels and
 * matchExpressions ANDed). An empty selector selects everything, as policy/v1 budgets do.
 */
export function selects(
  selector: V1LabelSelector | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  const pairs = Object.entries(selector?.matchLabels ?? {});
  if (!pairs.every(([k, v]) => labels[k] === v)) return false;
  return (selector?.matchExpressions ?? []).every((e) => {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    switch (e.operator) {
      case "In":
        return has && (e.values ?? []).includes(value ?? "");
      case "NotIn":
        return !has || !(e.values ?? []).includes(value ?? "");
      case "Exists":
        return has;
      case "DoesNotExist":
        return !has;
      default:
        return false;
    }
  });
}

/** `namespace/name` of the budgets (of the pods' namespaces) that select at least one of `pods`, sorted. */
export function budgetsCovering(
  budgets: readonly V1PodDisruptionBudget[],
  pods: readonly PodRef[],
): string[] {
  const names = budgets
    .filter((b) =>
      pods.some((p) => p.namespace === b.metadata?.namespace && selects(b.spec?.selector, p.labels)),
    )
    .map((b) => `${b.metadata?.namespace ?? ""}/${b.metadata?.name ?? ""}`);
  return [...new Set(names)].sort();
}

/**
 * The sentence of a drain that ran out of time: which budgets refused evictions and which pods are left,
 * so the user can tell a budget that allows no disruption from a pod that is slow to stop.
 */
export function drainTimeoutMessage(
  node: string,
  timeoutSeconds: number,
  budgets: readonly string[],
  podsLeft: readonly PodRef[],
): string {
  const pods = podsLeft.map((p) => `${p.namespace}/${p.name}`).sort();
  const cause =
    budgets.length > 0
      ? `evictions refused by PodDisruptionBudget ${budgets.join(", ")}`
      : "pods did not terminate";
  return (
    `node ${node} was not drained within ${timeoutSeconds} s (${cause}); ` +
    `pods left: ${pods.join(", ") || "none"}; the node is schedulable again`
  );
}
