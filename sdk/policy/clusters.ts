import {
  type ResourceValidationPolicy,
  type StackValidationPolicy,
  validateResourceOfType,
} from "@pulumi/policy";
import { parseDuration } from "../../provider/resources/timeouts";
import { KubernetesCluster } from "../resources.generated";
import {
  DEFAULT_PRODUCTION_STACKS,
  isProductionStack,
  PRODUCTION_STACKS_SCHEMA,
  stackOfUrn,
  TOKENS,
} from "./scope";

/** Master counts that keep a quorum when one master is lost. */
export const HA_MASTER_COUNTS: readonly number[] = [3, 5];
export const DEFAULT_MAX_DRAIN_TIMEOUT = "30m";
export const DEFAULT_MAX_WORKERS_PER_CLUSTER = 100;
export const DEFAULT_MAX_WORKERS_PER_STACK = 200;

/** The cluster inputs these rules read; left out means the provider's default. */
export interface ClusterSettings {
  readonly masterCount?: number;
  readonly autoRepair?: boolean;
}

/** What keeps a production cluster from being highly available; [] when nothing does. */
export function productionClusterProblems(cluster: ClusterSettings): string[] {
  const problems: string[] = [];
  const masters = cluster.masterCount ?? 1;
  if (!HA_MASTER_COUNTS.includes(masters))
    problems.push(`masterCount is ${masters}: a production cluster needs 3 or 5 masters`);
  // The provider repairs by default: only an explicit false turns it off.
  if (cluster.autoRepair === false)
    problems.push("autoRepair is false: a production cluster must repair its failed nodes");
  return problems;
}

/**
 * A drain that may wait for ever holds a scale-down or an upgrade for ever; one with no bound the team
 * chose is no better. `check` already refuses unreadable durations; this only bounds readable ones.
 */
export function drainTimeoutProblem(value: string | undefined, max: string): string | undefined {
  if (value === undefined) return `drainTimeout is not set: set it, at most ${max}`;
  const ms = parseDuration(value);
  const maxMs = parseDuration(max);
  if (ms === undefined) return `drainTimeout ${value} is not a duration such as 90s, 10m or 1h`;
  if (maxMs !== undefined && ms > maxMs) return `drainTimeout ${value} is longer than the maximum ${max}`;
  return undefined;
}

/** `where` names what is capped: "this cluster", "this stack". */
export function workerCapProblem(workers: number, cap: number, where: string): string | undefined {
  return workers > cap ? `${where} asks for ${workers} workers, more than the cap of ${cap}` : undefined;
}

export const productionClusterHa: ResourceValidationPolicy = {
  name: "photon-production-cluster-ha",
  description:
    "Clusters of production stacks have 3 or 5 masters and autoRepair on (a production stack is one named in productionStacks).",
  enforcementLevel: "mandatory",
  configSchema: { properties: { productionStacks: PRODUCTION_STACKS_SCHEMA } },
  validateResource: validateResourceOfType(KubernetesCluster, (cluster, args, reportViolation) => {
    const { productionStacks } = args.getConfig<{ productionStacks?: string[] }>();
    if (!isProductionStack(stackOfUrn(args.urn), productionStacks ?? DEFAULT_PRODUCTION_STACKS)) return;
    for (const problem of productionClusterProblems(cluster)) reportViolation(problem);
  }),
};

export const clusterDrainTimeout: ResourceValidationPolicy = {
  name: "photon-cluster-drain-timeout",
  description:
    "Clusters set a drainTimeout no longer than maxDrainTimeout, so a refused eviction cannot hold a drain for ever.",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      maxDrainTimeout: {
        type: "string",
        default: DEFAULT_MAX_DRAIN_TIMEOUT,
        description: "Longest drainTimeout allowed.",
      },
    },
  },
  validateResource: validateResourceOfType(KubernetesCluster, (cluster, args, reportViolation) => {
    const { maxDrainTimeout } = args.getConfig<{ maxDrainTimeout?: string }>();
    const problem = drainTimeoutProblem(cluster.drainTimeout, maxDrainTimeout ?? DEFAULT_MAX_DRAIN_TIMEOUT);
    if (problem) reportViolation(problem);
  }),
};

export const clusterWorkerCap: ResourceValidationPolicy = {
  name: "photon-cluster-worker-cap",
  description: "A cluster has at most maxWorkers workers.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maxWorkers: {
        type: "integer",
        minimum: 0,
        default: DEFAULT_MAX_WORKERS_PER_CLUSTER,
        description: "Most workers of one cluster.",
      },
    },
  },
  validateResource: validateResourceOfType(KubernetesCluster, (cluster, args, reportViolation) => {
    const { maxWorkers } = args.getConfig<{ maxWorkers?: number }>();
    const problem = workerCapProblem(
      cluster.workerCount,
      maxWorkers ?? DEFAULT_MAX_WORKERS_PER_CLUSTER,
      "this cluster",
    );
    if (problem) reportViolation(problem);
  }),
};

export const stackWorkerCap: StackValidationPolicy = {
  name: "photon-stack-worker-cap",
  description: "The clusters of one stack have at most maxWorkers workers together.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      maxWorkers: {
        type: "integer",
        minimum: 0,
        default: DEFAULT_MAX_WORKERS_PER_STACK,
        description: "Most workers of all the stack's clusters together.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const { maxWorkers } = args.getConfig<{ maxWorkers?: number }>();
    const clusters = args.resources.filter((r) => r.type === TOKENS.cluster);
    const total = clusters.reduce((sum, r) => sum + Number(r.props.workerCount ?? 0), 0);
    const problem = workerCapProblem(
      total,
      maxWorkers ?? DEFAULT_MAX_WORKERS_PER_STACK,
      `this stack (${clusters.length} clusters)`,
    );
    if (problem) reportViolation(problem);
  },
};
