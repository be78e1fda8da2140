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
    if (healthy) {
      await releaseLease(api, name);
    } else {
      await holdLease(api, name);
      await markUnknownUntilItHolds(api, name);
    }
  }
}

const LEASES = "kube-node-lease";
/** Who holds a failed host's node Leases: not kwok, so kwok leaves those nodes alone (decision 0107). */
const FAILED_HOLDER = "photon-host-failed";
const applyPatch = setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply);

/** A Lease time: RFC 3339 with microseconds, as the API server reads it. */
const microTime = (d: Date): string => d.toISOString().replace(/Z$/, "000Z");

/**
 * kwok keeps renewing (or re-creating) the Lease of a node it no longer manages, and whenever it takes a
 * Lease it plays the node's stages again: the node turns Ready on a failed host. A Lease held by someone
 * else for a day is one kwok leaves alone; the host that is back frees it.
 */
async function holdLease(api: KubeClients, name: string): Promise<void> {
  const spec = {
    holderIdentity: FAILED_HOLDER,
    leaseDurationSeconds: 86_400,
    renewTime: microTime(new Date()),
  };
  await api.coordination.patchNamespacedLease(
    {
      name,
      namespace: LEASES,
      body: {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name, namespace: LEASES },
        spec,
      },
      fieldManager: "photon-host-health",
      force: true,
    },
    applyPatch,
  );
}

/** Deletes a node's Lease: kwok, managing the node again, makes its own and reports the node Ready. */
async function releaseLease(api: KubeClients, name: string): Promise<void> {
  try {
    await api.coordination.deleteNamespacedLease({ name, namespace: LEASES });
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
 * Deletes kwok's node Leases, for a control plane restart with its kwok stopped: the new kwok has another
 * holder identity, so it would wait for the old Leases to expire (the nodes turning Unknown meanwhile)
 * and then play every node's stages again. Without them it makes new ones at once for the nodes it
 * manages; a failed host's nodes keep the Lease it cannot take.
 */
export async function releaseNodeLeases(api: KubeClients): Promise<void> {
  const leases = (await api.coordination.listNamespacedLease({ namespace: LEASES })).items;
  for (const lease of leases) {
    const name = lease.metadata?.name;
    if (name && lease.spec?.holderIdentity !== FAILED_HOLDER) await releaseLease(api, name);
  }
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
      const leases = await api.coordination.listNamespacedLease({ namespace: LEASES });
      const held = new Set(leases.items.map((l) => l.metadata?.name));
      return nodes.every((n) => held.has(n.metadata?.name)) ? true : undefined;
    },
    timeoutMs,
  );
}
