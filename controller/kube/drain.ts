import { PatchStrategy, setHeaderOptions, type V1Pod } from "@kubernetes/client-node";
import { ApiError } from "../http/errors";
import { budgetsCovering, drainTimeoutMessage, type PodRef } from "./budgets";
import type { KubeClients } from "./client";
import { isReady } from "./cluster";
import { isNotFound, statusOf } from "./errors";

export interface DrainOptions {
  /** How long evictions refused by PodDisruptionBudgets are retried (the cluster's drain timeout). */
  readonly timeoutMs: number;
  /** True once the controller stops: the drain gives up as it is, the step is re-run after the restart. */
  readonly aborted?: () => boolean;
}

/** How often refused evictions are retried: a budget frees up as soon as a replacement pod is Ready. */
const RETRY_MS = 1000;

/**
 * Cordons a node and evicts its pods through the Eviction API, so PodDisruptionBudgets are respected, as
 * `kubectl drain` does (DaemonSet and mirror pods stay). Returns once no such pod is left on the node.
 * A node that is gone or not Ready is left alone: nothing on it could stop gracefully, and it is deleted
 * with its pods anyway. When the timeout passes, the node is uncordoned and a DrainTimeout error names
 * the budgets that refused evictions and the pods left. Safe to run again after a restart.
 */
export async function drainNode(api: KubeClients, nodeName: string, opts: DrainOptions): Promise<void> {
  const node = await api.core.readNode({ name: nodeName }).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  if (!node || !isReady(node)) return;
  await setUnschedulable(api, nodeName, true);
  const deadline = Date.now() + opts.timeoutMs;
  let refused: PodRef[] = [];
  // The first pass always evicts, so that even a zero timeout gives every pod one chance to move.
  for (let pass = 0; ; pass++) {
    const pods = await podsToDrain(api, nodeName);
    if (pods.length === 0) return;
    if (opts.aborted?.()) throw new Error(`drain of node ${nodeName} interrupted by a stop`);
    if (pass > 0 && Date.now() >= deadline) throw await giveUp(api, nodeName, opts.timeoutMs, refused, pods);
    refused = await evictAll(api, pods);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** Uncordons the node and builds the error that reports what blocked the drain. */
async function giveUp(
  api: KubeClients,
  nodeName: string,
  timeoutMs: number,
  refused: readonly PodRef[],
  left: readonly V1Pod[],
): Promise<ApiError> {
  await setUnschedulable(api, nodeName, false);
  const budgets = budgetsCovering(
    (await api.policy.listPodDisruptionBudgetForAllNamespaces()).items,
    refused,
  );
  const podsLeft = left.map(podRef);
  const message = drainTimeoutMessage(nodeName, Math.round(timeoutMs / 1000), budgets, podsLeft);
  return new ApiError(409, "DrainTimeout", message, {
    node: nodeName,
    podDisruptionBudgets: budgets.join(","),
    pods: podsLeft.map((p) => `${p.namespace}/${p.name}`).join(","),
  });
}

/** Evicts every pod that is not terminating yet; answers those a budget refused (HTTP 429). */
async function evictAll(api: KubeClients, pods: readonly V1Pod[]): Promise<PodRef[]> {
  const refused: PodRef[] = [];
  for (const pod of pods.filter((p) => !p.metadata?.deletionTimestamp)) {
    const ref = podRef(pod);
    try {
      await api.core.createNamespacedPodEviction({
        name: ref.name,
        namespace: ref.namespace,
        body: { metadata: { name: ref.name, namespace: ref.namespace } },
      });
    } catch (error) {
      if (statusOf(error) === 429) refused.push(ref);
      else if (!isNotFound(error)) throw error;
    }
  }
  return refused;
}

/** The node's pods a drain must move: all but DaemonSet pods (their controller ignores cordons) and mirror pods. */
async function podsToDrain(api: KubeClients, nodeName: string): Promise<V1Pod[]> {
  const pods = await api.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${nodeName}` });
  return pods.items.filter(
    (p) =>
      !p.metadata?.annotations?.["kubernetes.io/config.mirror"] &&
      !(p.metadata?.ownerReferences ?? []).some((o) => o.controller && o.kind === "DaemonSet"),
  );
}

function podRef(pod: V1Pod): PodRef {
  return {
    namespace: pod.metadata?.namespace ?? "",
    name: pod.metadata?.name ?? "",
    labels: pod.metadata?.labels ?? {},
  };
}

/** Cordons (true) or uncordons (false) a node; a node that is gone needs neither. */
export async function setUnschedulable(
  api: KubeClients,
  nodeName: string,
  unschedulable: boolean,
): Promise<void> {
  try {
    await api.core.patchNode(
      { name: nodeName, body: { spec: { unschedulable } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
