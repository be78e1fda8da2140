import type { Cluster, Vm } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { drainOf } from "./drain";
import { batches, loadCluster, patchCluster } from "./store";
import { clusterVms, imageVersion, isNode, nodeSpec, placeVms, releaseVms, setVmsStarted } from "./vms";

export interface UpgradeInput {
  newImageId: string;
}

export interface Surge {
  maxSurge: number;
  maxUnavailable: number;
}

/** max_surge / max_unavailable from extendedProperties (defaults 1 and 0). */
export function surgeOf(c: Pick<Cluster, "extendedProperties">): Surge {
  const n = (key: string, dflt: number) => {
    const v = Number(c.extendedProperties[key] ?? dflt);
    return Number.isInteger(v) && v >= 0 ? v : dflt;
  };
  return { maxSurge: n("max_surge", 1), maxUnavailable: n("max_unavailable", 0) };
}

/** Nodes upgraded together: with surge, maxSurge new nodes at a time; without, maxUnavailable. */
export function batchSize(s: Surge): number {
  return Math.max(1, s.maxSurge > 0 ? s.maxSurge : s.maxUnavailable);
}

/** Makes (or finds, after a restart) the replacement of `old` on the new version. */
function replacementFor(p: Platform, c: Cluster, old: Vm, version: string, surge: boolean): Vm {
  const existing = clusterVms(p, c.id).find((vm) => vm.replacesVmId === old.id);
  if (existing) return existing;
  return p.store.tx(() => {
    if (!surge) releaseVms(p, [old], false);
    const [vm] = placeVms(p, c, [{ role: old.role, replacesVmId: old.id }], { chargeQuota: false, version });
    return vm as Vm;
  });
}

/**
 * With surge the replacement joins first and the old node is drained onto it; without, the old node is
 * drained before its VM is released, so at most maxUnavailable nodes are out at once. Either way its pods
 * leave through evictions, so PodDisruptionBudgets hold during the upgrade.
 */
async function upgradeOne(p: Platform, c: Cluster, old: Vm, version: string, surge: boolean): Promise<void> {
  const drain = drainOf(p, c);
  if (!surge) await p.runtime.drainNode(c.id, old.name, drain);
  if (p.engine.stopped) return;
  const next = replacementFor(p, c, old, version, surge);
  await p.runtime.upgradeNode(c.id, old.name, nodeSpec(p, next), version, drain);
  if (p.engine.stopped) return;
  p.store.tx(() => {
    if (p.store.get("vm", old.id)) releaseVms(p, [old], false);
    setVmsStarted(p, [{ ...next, cost: old.cost }]);
    const now = loadCluster(p, c.id);
    const status = now.upgradeStatus;
    if (status) {
      const done = status.numNodesUpgraded + 1;
      patchCluster(p, c.id, {
        upgradeStatus: {
          ...status,
          numNodesUpgraded: done,
          upgradeMessage: `Upgraded node ${old.name} (${done}/${status.totalNodes})`,
        },
      });
    }
  });
}

/** Upgrades the old nodes batch by batch (a batch is as large as maxSurge / maxUnavailable allow). */
async function rollNodes(p: Platform, clusterId: string, newImageId: string): Promise<void> {
  const c = loadCluster(p, clusterId);
  const version = imageVersion(p, newImageId);
  const surge = surgeOf(c);
  const old = clusterVms(p, clusterId).filter(
    (vm) => isNode(vm) && !vm.replacesVmId && vm.kubernetesVersion !== version,
  );
  for (const batch of batches(old, batchSize(surge))) {
    await Promise.all(batch.map((vm) => upgradeOne(p, c, vm, version, surge.maxSurge > 0)));
    if (p.engine.stopped) return;
  }
}

/** Masters and etcds take the version, leftover replacements start, the cluster is READY on the image. */
function finishUpgrade(p: Platform, clusterId: string, newImageId: string): void {
  const c = loadCluster(p, clusterId);
  const version = imageVersion(p, newImageId);
  for (const vm of clusterVms(p, clusterId).filter((v) => !isNode(v)))
    p.store.put("vm", { ...vm, kubernetesVersion: version }, clusterId);
  // A replacement whose old VM is gone (crash between the two) is kept; the maintenance re-adds it if needed.
  setVmsStarted(
    p,
    clusterVms(p, clusterId).filter((v) => v.replacesVmId && !p.store.get("vm", v.replacesVmId)),
  );
  const status = c.upgradeStatus && {
    ...c.upgradeStatus,
    upgradeMessage: "Upgrade completed",
    upgradeResultMessage: `Upgraded to Kubernetes ${version}`,
  };
  const ext = { ...c.extendedProperties, cluster_version: version };
  patchCluster(p, clusterId, {
    state: "READY",
    imageId: newImageId,
    extendedProperties: ext,
    errorReason: "",
    ...(status && { upgradeStatus: status }),
  });
}

/** Rolling upgrade within maxSurge / maxUnavailable, node by node or batch by batch. */
export const upgradeCluster: OperationDef<UpgradeInput> = {
  operation: "UPGRADE_CLUSTER",
  steps: () => [
    {
      name: "ROLL_NODES",
      async: true,
      run: ({ p, entityId, input }) => rollNodes(p, entityId, input.newImageId),
    },
    {
      name: "FINISH",
      run: ({ p, entityId, input }) => finishUpgrade(p, entityId, input.newImageId),
    },
  ],
  onError: ({ p, entityId }, error) => {
    const c = p.store.get("service", entityId);
    if (!c) return;
    // After a drain timeout the replacements have joined Kubernetes: they stay, and the next
    // change_version carries on with them (replacementFor finds them) instead of leaving orphan nodes.
    if (error.code !== "DrainTimeout")
      releaseVms(
        p,
        clusterVms(p, entityId).filter((vm) => vm.replacesVmId),
        false,
      );
    const status = c.upgradeStatus && {
      ...c.upgradeStatus,
      upgradeResultMessage: `Upgrade failed: ${error.message}`,
    };
    patchCluster(p, entityId, {
      state: "RECOVERABLE_ERROR",
      errorReason: `${error.code}: ${error.message}`,
      ...(status && { upgradeStatus: status }),
    });
  },
};
