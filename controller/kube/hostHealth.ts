import { ApiException, PatchStrategy, setHeaderOptions, type V1Node } from "@kubernetes/client-node";
import { type KubeClients, waitFor } from "./client";
import { KWOK_NODE_ANNOTATION, KWOK_NODE_ANNOTATION_VALUE } from "./kwok";

/** Annotation value of a node whose host failed: kwok's selector no longer matches, so it stops heartbeating. */
export const HOST_FAILED_ANNOTATION_VALUE = "host-failed";
export const HOST_FAILED_REASON = "PhotonHostFailed";

const mergePatch = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
const strategicMergePatch = setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch);

/**
 * A failed host takes its nodes down: kwok lets go of them and their Ready condition turns Unknown at
 * once (the node lifecycle controller would do the same after the grace period). A host that is back
 * hands them to kwok again, which reports them Ready.
 */
export async function setNodesHealth(
  api: KubeClients,
  nodes: readonly V1Node[],
  healthy: boolean,
): Promise<void> {
  for (const node of nodes) {
    const name = node.metadata?.name;
    if (!name) continue;
    const annotation = healthy ? KWOK_NODE_ANNOTATION_VALUE : HOST_FAILED_ANNOTATION_VALUE;
    await api.core.patchNode(
      { name, body: { metadata: { annotations: { [KWOK_NODE_ANNOTATION]: annotation } } } },
      mergePatch,
    );
    if (!healthy) {
      await releaseLease(api, name);
      await markUnknownUntilItHolds(api, name);
    }
  }
}

/**
 * kwok renews a node's Lease even after it let go of the node, and when the Lease changes holder (a new
 * kwok after the control plane restarted, e.g. at the end of an upgrade) it plays the node's stages
 * again: the node turns Ready on a failed host. Deleting the Lease ends kwok's renewals; a host that is
 * back gets a new one from kwok when it takes the node again.
 */
async function releaseLease(api: KubeClients, name: string): Promise<void> {
  try {
    await api.coordination.deleteNamespacedLease({ name, namespace: "kube-node-lease" });
  } catch (e) {
    if (!(e instanceof ApiException && e.code === 404)) throw e;
  }
}

/** kwok may still be writing a heartbeat it started before it let go of the node: mark again until it holds. */
async function markUnknownUntilItHolds(api: KubeClients, name: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await markUnknown(api, name);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const node = await api.core.readNodeStatus({ name });
    if (!node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")) return;
  }
  throw new Error(`node ${name} still reports Ready after its host failed: kwok kept heartbeating it`);
}

/** A strategic merge patch: conditions merge by type, so kwok's concurrent status writes cannot conflict. */
async function markUnknown(api: KubeClients, name: string): Promise<void> {
  const now = new Date();
  const ready = {
    type: "Ready",
    status: "Unknown",
    reason: HOST_FAILED_REASON,
    message: "The Photon host of this node failed.",
    lastHeartbeatTime: now,
    lastTransitionTime: now,
  };
  await api.core.patchNodeStatus({ name, body: { status: { conditions: [ready] } } }, strategicMergePatch);
}

/**
 * Deletes every node Lease, for a control plane restart with its kwok stopped: the new kwok has another
 * holder identity, so it would wait for the old Leases to expire (the nodes turning Unknown meanwhile)
 * and then play every node's stages again. Without Leases it makes new ones for the nodes it manages
 * at once; a failed host's nodes stay without one.
 */
export async function releaseNodeLeases(api: KubeClients): Promise<void> {
  await api.coordination.deleteCollectionNamespacedLease({ namespace: "kube-node-lease" });
}

/**
 * Waits until the new kwok holds a Lease for every node it manages: until then it may still take a node
 * whose host fails meanwhile (its first list predates the annotation), and make it Ready again.
 */
export async function nodeLeasesTaken(api: KubeClients, timeoutMs: number): Promise<void> {
  await waitFor(
    "kwok to take every managed node's Lease",
    async () => {
      const nodes = (await api.core.listNode()).items.filter(
        (n) => n.metadata?.annotations?.[KWOK_NODE_ANNOTATION] === KWOK_NODE_ANNOTATION_VALUE,
      );
      const leases = await api.coordination.listNamespacedLease({ namespace: "kube-node-lease" });
      const held = new Set(leases.items.map((l) => l.metadata?.name));
      return nodes.every((n) => held.has(n.metadata?.name)) ? true : undefined;
    },
    timeoutMs,
  );
}
