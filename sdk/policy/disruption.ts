import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { TOKENS } from "./scope";

/** `minAvailable`/`maxUnavailable`: a count or a percentage such as `50%`. */
export type IntOrPercent = number | string;

export interface BudgetSpec {
  readonly minAvailable?: IntOrPercent;
  readonly maxUnavailable?: IntOrPercent;
}

/** A count, or a percentage of `replicas` rounded up (as the disruption controller does). */
function amount(value: IntOrPercent, replicas: number): number {
  if (typeof value === "number") return value;
  const percent = /^(\d+)%$/.exec(value);
  return percent ? Math.ceil((Number(percent[1]) * replicas) / 100) : Number(value);
}

function isPercent(value: IntOrPercent): value is string {
  return typeof value === "string" && value.endsWith("%");
}

/**
 * Pods a budget lets be evicted at once from a workload of `replicas` pods; undefined when that cannot
 * be told without the replicas (a count minAvailable, a percentage with no workload found).
 * `maxUnavailable` wins when both are set, as the API allows only one.
 */
export function disruptionsAllowed(spec: BudgetSpec, replicas: number | undefined): number | undefined {
  const { maxUnavailable, minAvailable } = spec;
  if (maxUnavailable !== undefined) {
    if (replicas !== undefined) return Math.min(amount(maxUnavailable, replicas), replicas);
    // Any positive percentage of at least one pod rounds up to one.
    return isPercent(maxUnavailable) ? (amount(maxUnavailable, 100) > 0 ? 1 : 0) : amount(maxUnavailable, 0);
  }
  if (minAvailable === undefined) return undefined;
  if (isPercent(minAvailable) && amount(minAvailable, 100) >= 100) return 0;
  if (replicas === undefined) return undefined;
  return Math.max(replicas - amount(minAvailable, replicas), 0);
}

/** Does a workload's pod template carry every label of the selector? An empty selector matches none. */
export function selects(
  matchLabels: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  const wanted = Object.entries(matchLabels);
  return wanted.length > 0 && wanted.every(([k, v]) => labels[k] === v);
}

/** Is this resource deployed through a photon cluster's own `provider` (a child of the cluster)? */
export function onPhotonCluster(resource: { readonly provider?: { readonly urn: string } }): boolean {
  return (resource.provider?.urn ?? "").includes(`${TOKENS.cluster}$${TOKENS.kubernetesProvider}::`);
}

const BLOCKED = "no pod may be evicted, so a drain of a photon node can never finish";

/** The budget's limits as written, for messages. */
export function limitsOf(spec: BudgetSpec): string {
  const set = (["minAvailable", "maxUnavailable"] as const).filter((k) => spec[k] !== undefined);
  return set.map((k) => `${k} ${String(spec[k])}`).join(", ") || "no limit";
}

interface Workload {
  readonly resource: PolicyResource;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly replicas: number;
}

function namespaceOf(r: PolicyResource): string {
  return (r.props.metadata?.namespace as string | undefined) ?? "default";
}

function workloadsOf(resources: readonly PolicyResource[]): Workload[] {
  return resources
    .filter((r) => r.type === TOKENS.deployment || r.type === TOKENS.statefulSet)
    .map((r) => ({
      resource: r,
      namespace: namespaceOf(r),
      labels: (r.props.spec?.template?.metadata?.labels ?? {}) as Record<string, string>,
      replicas: (r.props.spec?.replicas as number | undefined) ?? 1,
    }));
}

/** The problems of one budget against the workloads it selects (same provider, same namespace). */
function budgetProblems(pdb: PolicyResource, workloads: readonly Workload[]): string[] {
  const spec = (pdb.props.spec ?? {}) as BudgetSpec & { selector?: { matchLabels?: Record<string, string> } };
  const matchLabels = spec.selector?.matchLabels ?? {};
  const selected = workloads.filter(
    (w) =>
      w.resource.provider?.urn === pdb.provider?.urn &&
      w.namespace === namespaceOf(pdb) &&
      selects(matchLabels, w.labels),
  );
  const limits = `minAvailable ${String(spec.minAvailable)}, maxUnavailable ${String(spec.maxUnavailable)}`;
  const blocked = "no pod may be evicted, so a drain of a photon node can never finish";
  if (selected.length === 0)
    return disruptionsAllowed(spec, undefined) === 0
      ? [`the budget (${limits}) allows no disruption: ${blocked}`]
      : [];
  return selected
    .filter((w) => disruptionsAllowed(spec, w.replicas) === 0)
    .map(
      (w) =>
        `the budget (${limitsOf(spec)}) allows no disruption of ${w.resource.name} (${w.replicas} replicas): ${BLOCKED}`,
    );
}

/**
 * What the budget alone decides: maxUnavailable 0 (or 0%) or minAvailable 100% never lets a pod go,
 * whatever the replicas. Resource policies see inputs, so this also runs in the preview of a cluster not
 * made yet (whose Kubernetes objects have no outputs until its kubeconfig is known).
 */
export const podDisruptionBudgetAllowsDisruption: ResourceValidationPolicy = {
  name: "photon-pdb-allows-disruption",
  description:
    "PodDisruptionBudgets on a photon cluster's provider let at least one pod be evicted (no maxUnavailable 0, no minAvailable 100%), or no drain can finish.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TOKENS.pdb || !onPhotonCluster(args)) return;
    const spec = (args.props.spec ?? {}) as BudgetSpec;
    if (disruptionsAllowed(spec, undefined) === 0)
      reportViolation(`the budget (${limitsOf(spec)}) allows no disruption: ${BLOCKED}`);
  },
};

/**
 * A count minAvailable against the replicas of the workloads the budget selects. Stack policies see
 * outputs, which Kubernetes objects have only once their cluster's kubeconfig is known: this rule
 * judges previews of existing clusters and `up`, not the first preview of a new cluster.
 */
export const podDisruptionBudgetBelowReplicas: StackValidationPolicy = {
  name: "photon-pdb-below-replicas",
  description:
    "A PodDisruptionBudget on a photon cluster's provider leaves at least one of the selected workload's replicas free to be evicted.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const onCluster = args.resources.filter(onPhotonCluster);
    const workloads = workloadsOf(onCluster);
    for (const pdb of onCluster.filter((r) => r.type === TOKENS.pdb))
      for (const problem of budgetProblems(pdb, workloads)) reportViolation(problem, pdb.urn);
  },
};
