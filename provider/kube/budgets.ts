import type { V1LabelSelector, V1Pod, V1PodDisruptionBudget } from "@kubernetes/client-node";

/** Whether a label selector selects `labels` (matchLabels and matchExpressions ANDed; empty selects all). */
export function selects(
  selector: V1LabelSelector | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (!Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v)) return false;
  return (selector?.matchExpressions ?? []).every((e) => {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    if (e.operator === "In") return has && values.includes(labels[e.key] ?? "");
    if (e.operator === "NotIn") return !has || !values.includes(labels[e.key] ?? "");
    if (e.operator === "Exists") return has;
    if (e.operator === "DoesNotExist") return !has;
    return false;
  });
}

export const podName = (p: V1Pod): string => `${p.metadata?.namespace ?? ""}/${p.metadata?.name ?? ""}`;

/** `namespace/name` of the budgets that select at least one of the pods, sorted. */
export function budgetsCovering(budgets: readonly V1PodDisruptionBudget[], pods: readonly V1Pod[]): string[] {
  const names = budgets
    .filter((b) =>
      pods.some(
        (p) =>
          p.metadata?.namespace === b.metadata?.namespace &&
          selects(b.spec?.selector, p.metadata?.labels ?? {}),
      ),
    )
    .map((b) => `${b.metadata?.namespace ?? ""}/${b.metadata?.name ?? ""}`);
  return [...new Set(names)].sort();
}

/**
 * The sentence of a drain that ran out of time: the budgets that refused evictions (namespace/name) and
 * the pods left, so a budget that allows no disruption is told apart from a pod slow to stop.
 */
export function drainFailureMessage(
  nodes: readonly string[],
  timeout: string,
  budgets: readonly string[],
  podsLeft: readonly string[],
): string {
  const cause =
    budgets.length > 0
      ? `evictions refused by PodDisruptionBudget ${budgets.join(", ")}`
      : "pods did not terminate";
  return (
    `could not drain ${nodes.join(", ")} within drainTimeout ${timeout} (${cause}); ` +
    `pods left: ${[...podsLeft].sort().join(", ") || "none"}; the nodes are schedulable again and the cluster was not resized`
  );
}
