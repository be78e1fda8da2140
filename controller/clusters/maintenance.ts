import type { Vm } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { drainOf } from "./drain";
import { addCreatingWorkers, creatingWorkers } from "./resize";
import { loadCluster, patchCluster } from "./store";
import { clusterVms, imageVersion, placeVms, releaseVms, setVmsStarted } from "./vms";

export interface MaintenanceInput {
  /** Names of the workers found lost by FIND_LOST_WORKERS. */
  lost?: string[];
}

/**
 * Workers to replace: not reported by Kubernetes, not Ready, or on a host that is not usable. Pure given
 * the node states and the set of healthy host ids.
 */
export function lostWorkers(
  workers: Vm[],
  nodes: Map<string, { ready: boolean }>,
  healthyHosts: Set<string>,
): string[] {
  return workers
    .filter((vm) => vm.state === "STARTED")
    .filter((vm) => !healthyHosts.has(vm.hostId) || !nodes.get(vm.name)?.ready)
    .map((vm) => vm.name);
}

function healthyHostIds(p: Platform): Set<string> {
  return new Set(
    p.store
      .list("host")
      .filter((h) => ["READY", "SUSPENDED", "MAINTENANCE"].includes(h.state))
      .map((h) => h.id),
  );
}

function lostOf(input: Record<string, unknown>): string[] {
  return (input as MaintenanceInput).lost ?? [];
}

/** Deletes the lost workers' VMs and places new ones until workerCount is met again. */
function recreateWorkers(p: Platform, clusterId: string, lost: string[]): void {
  releaseVms(
    p,
    clusterVms(p, clusterId).filter((vm) => lost.includes(vm.name)),
  );
  const c = loadCluster(p, clusterId);
  const have = clusterVms(p, clusterId).filter((vm) => vm.role === "KubernetesWorker").length;
  const wanted = Array.from({ length: Math.max(0, c.workerCount - have) }, () => ({
    role: "KubernetesWorker" as const,
  }));
  if (wanted.length > 0) placeVms(p, c, wanted, { chargeQuota: true, version: imageVersion(p, c.imageId) });
}

/** The auto-repair: replace lost workers until workerCount is met (on demand or every period). */
export const maintainCluster: OperationDef<MaintenanceInput> = {
  operation: "TRIGGER_CLUSTER_MAINTENANCE",
  steps: () => [
    {
      name: "FIND_LOST_WORKERS",
      async: true,
      run: async ({ p, entityId, task }) => {
        const nodes = await p.runtime.nodeStates(entityId);
        const workers = clusterVms(p, entityId).filter((vm) => vm.role === "KubernetesWorker");
        task.input = { ...task.input, lost: lostWorkers(workers, nodes, healthyHostIds(p)) };
      },
    },
    {
      name: "REMOVE_LOST_NODES",
      async: true,
      run: async ({ p, entityId, task }) => {
        // A lost worker that is still Ready (its host is no longer usable) is drained first, so its pods
        // move within their budgets; NotReady ones are skipped by the drain, nothing on them can stop.
        const drain = drainOf(p, loadCluster(p, entityId));
        for (const name of lostOf(task.input)) await p.runtime.drainNode(entityId, name, drain);
        await p.runtime.removeNodes(entityId, lostOf(task.input));
      },
    },
    {
      name: "RECREATE_WORKERS",
      run: ({ p, entityId, task }) => recreateWorkers(p, entityId, lostOf(task.input)),
    },
    { name: "ADD_NODES", async: true, run: ({ p, entityId }) => addCreatingWorkers(p, entityId) },
    {
      name: "FINISH",
      run: ({ p, entityId }) => {
        setVmsStarted(p, creatingWorkers(p, entityId));
        patchCluster(p, entityId, { state: "READY", errorReason: "" });
      },
    },
  ],
  onError: ({ p, entityId }, error) => {
    if (!p.store.get("service", entityId)) return;
    releaseVms(p, creatingWorkers(p, entityId));
    patchCluster(p, entityId, { state: "RECOVERABLE_ERROR", errorReason: `${error.code}: ${error.message}` });
  },
};

/** Submits the maintenance of every READY or RECOVERABLE_ERROR cluster that no task holds. */
export function runPeriodicMaintenance(p: Platform): number {
  let started = 0;
  for (const c of p.store.list("service")) {
    if (!["READY", "RECOVERABLE_ERROR"].includes(c.state) || p.engine.lockHolder(c.id)) continue;
    p.engine.submit(maintainCluster, {
      entity: { kind: "service", id: c.id },
      input: {},
      tenantId: c.tenantId,
      prepare: () => patchCluster(p, c.id, { state: "MAINTENANCE" }),
    });
    started++;
  }
  return started;
}
