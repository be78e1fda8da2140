import type { V1Pod } from "@kubernetes/client-node";
import { k8s } from "./load";
import { PhotonError } from "../client";
import { budgetsCovering, drainFailureMessage, podName } from "./budgets";
import { isApiStatus, type KubeApis, type Progress, sleep } from "./nodes";

/** Marks nodes (un)schedulable, as `kubectl cordon` / `uncordon` do. */
export async function setSchedulable(
  apis: KubeApis,
  nodes: readonly string[],
  schedulable: boolean,
): Promise<void> {
  for (const name of nodes) {
    await apis.core.patchNode(
      { name, body: { spec: { unschedulable: schedulable ? null : true } } },
      k8s().setHeaderOptions("Content-Type", k8s().PatchStrategy.MergePatch),
    );
  }
}

/**
 * Pods a drain must move off: not owned by a DaemonSet (its controller would put them back, and
 * `kubectl drain` skips them too), not mirror pods, not finished.
 */
export function evictable(pod: V1Pod): boolean {
  const daemon = (pod.metadata?.ownerReferences ?? []).some((o) => o.kind === "DaemonSet");
  const mirror = pod.metadata?.annotations?.["kubernetes.io/config.mirror"] !== undefined;
  const finished = ["Succeeded", "Failed"].includes(pod.status?.phase ?? "");
  return !daemon && !mirror && !finished;
}

async function podsOn(apis: KubeApis, nodes: readonly string[]): Promise<V1Pod[]> {
  const all: V1Pod[] = [];
  for (const node of nodes) {
    const list = await apis.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` });
    all.push(...list.items.filter(evictable));
  }
  return all;
}

/** One eviction; false when a PodDisruptionBudget refuses it for now (429). A pod already gone is done. */
async function evict(apis: KubeApis, pod: V1Pod): Promise<boolean> {
  const name = pod.metadata?.name ?? "";
  const namespace = pod.metadata?.namespace ?? "default";
  try {
    const body = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace } };
    await apis.core.createNamespacedPodEviction({ name, namespace, body });
    return true;
  } catch (e) {
    if (isApiStatus(e, 404)) return true;
    if (isApiStatus(e, 429)) return false;
    // e.g. a pod covered by two budgets (500): the API server never evicts it, waiting would not help.
    const message = `eviction of ${namespace}/${name} failed: ${statusMessage(e)}; the nodes are schedulable again and the cluster was not resized`;
    throw new PhotonError({ code: "EvictionFailed", message });
  }
}

/** The Kubernetes Status message of a failed call (its body), else the error's own message. */
export function statusMessage(e: unknown): string {
  if (!(e instanceof k8s().ApiException)) return e instanceof Error ? e.message : String(e);
  const body: unknown = e.body;
  try {
    const status = (typeof body === "string" ? JSON.parse(body) : body) as { message?: unknown };
    if (typeof status?.message === "string") return `${status.message} (HTTP ${e.code})`;
  } catch {
    // not JSON: the code alone
  }
  return `HTTP ${e.code}`;
}

export interface DrainSpec {
  readonly nodes: readonly string[];
  readonly timeoutMs: number;
  /** The drainTimeout as the user wrote it, for the message. */
  readonly timeoutText: string;
  readonly progress: Progress;
}

/**
 * Cordons the nodes and evicts their pods through the Eviction API until none is left, retrying evictions
 * a budget refuses until the timeout. Then it fails naming the budgets and the pods left, after making
 * the nodes schedulable again: a scale-down that did not happen must not leave capacity cordoned.
 */
export async function drainNodes(apis: KubeApis, spec: DrainSpec): Promise<void> {
  await setSchedulable(apis, spec.nodes, false);
  try {
    await evictAll(apis, spec);
  } catch (e) {
    // Any failure (a timeout, an eviction error, an API server that stopped answering) uncordons.
    await setSchedulable(apis, spec.nodes, true).catch(() => undefined);
    throw e;
  }
}

async function evictAll(apis: KubeApis, spec: DrainSpec): Promise<void> {
  const until = Date.now() + spec.timeoutMs;
  for (let round = 0; ; round++) {
    const left = await podsOn(apis, spec.nodes);
    if (left.length === 0) return;
    if (round % 10 === 0) spec.progress(`draining ${spec.nodes.join(", ")}: ${left.length} pods left`);
    const pending = left.filter((p) => !p.metadata?.deletionTimestamp);
    for (const pod of pending) await evict(apis, pod);
    if (Date.now() >= until)
      throw new PhotonError({ code: "DrainTimeout", message: await failureMessage(apis, spec, left) });
    await sleep(500);
  }
}

async function failureMessage(apis: KubeApis, spec: DrainSpec, left: readonly V1Pod[]): Promise<string> {
  const namespaces = [...new Set(left.map((p) => p.metadata?.namespace ?? "default"))];
  const budgets = [];
  for (const namespace of namespaces)
    budgets.push(...(await apis.policy.listNamespacedPodDisruptionBudget({ namespace })).items);
  return drainFailureMessage(spec.nodes, spec.timeoutText, budgetsCovering(budgets, left), left.map(podName));
}
