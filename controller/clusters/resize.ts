import type { Vm } from "../model";
import type { Platform } from "../platform";
import type { OperationDef, StepDef } from "../tasks/operation";
import { batches, loadCluster, patchCluster } from "./store";
import { clusterVms, imageVersion, nodeSpec, placeVms, releaseVms, setVmsStarted } from "./vms";

export interface ResizeInput {
  newWorkerCount: number;
  oldWorkerCount: number;
}

/** What the steps of a resize hand on. */
export interface ResizeResults {
  /** Chosen by CHOOSE_NODES when shrinking (names of the nodes to remove). */
  victims: string[];
}

export function creatingWorkers(p: Platform, clusterId: string): Vm[] {
  return clusterVms(p, clusterId).filter(
    (vm) => vm.role === "KubernetesWorker" && vm.state === "CREATING" && !vm.replacesVmId,
  );
}

/** Adds the cluster's CREATING workers to Kubernetes in batches of workerBatchExpansionSize. */
export async function addCreatingWorkers(p: Platform, clusterId: string): Promise<void> {
  const c = loadCluster(p, clusterId);
  for (const batch of batches(creatingWorkers(p, clusterId), c.workerBatchExpansionSize)) {
    await p.runtime.addNodes(
      clusterId,
      batch.map((vm) => nodeSpec(p, vm)),
    );
  }
}

/**
 * Which workers to remove when shrinking: cordoned (unschedulable) nodes first, then the newest.
 * Pure; `unschedulable` holds the names Kubernetes reports as cordoned.
 */
export function chooseVictims(workers: Vm[], unschedulable: Set<string>, count: number): string[] {
  const ordered = [...workers].sort((a, b) => {
    const cordon = Number(unschedulable.has(b.name)) - Number(unschedulable.has(a.name));
    return cordon || b.createdTime - a.createdTime || (a.name < b.name ? 1 : -1);
  });
  return ordered.slice(0, Math.max(0, count)).map((vm) => vm.name);
}

function growSteps(): StepDef<ResizeInput>[] {
  return [
    {
      name: "RESERVE_WORKERS",
      run: ({ p, entityId, input }) => {
        const c = loadCluster(p, entityId);
        const wanted = Array.from({ length: input.newWorkerCount - input.oldWorkerCount }, () => ({
          role: "KubernetesWorker" as const,
        }));
        placeVms(p, c, wanted, { chargeQuota: true, version: imageVersion(p, c.imageId) });
      },
    },
    { name: "ADD_NODES", async: true, run: ({ p, entityId }) => addCreatingWorkers(p, entityId) },
  ];
}

function shrinkSteps(): StepDef<ResizeInput, ResizeResults>[] {
  return [
    {
      name: "CHOOSE_NODES",
      async: true,
      run: async ({ p, entityId, input }) => {
        const states = await p.runtime.nodeStates(entityId);
        const cordoned = new Set([...states].filter(([, s]) => s.unschedulable).map(([name]) => name));
        const workers = clusterVms(p, entityId).filter((vm) => vm.role === "KubernetesWorker");
        return { victims: chooseVictims(workers, cordoned, input.oldWorkerCount - input.newWorkerCount) };
      },
    },
    {
      name: "REMOVE_NODES",
      async: true,
      run: ({ p, entityId, results }) => p.runtime.removeNodes(entityId, results.victims ?? []),
    },
  ];
}

export const resizeCluster: OperationDef<ResizeInput, ResizeResults> = {
  operation: "RESIZE_CLUSTER",
  steps: (input) => {
    if (input.newWorkerCount === input.oldWorkerCount) return [];
    const finish: StepDef<ResizeInput, ResizeResults> = {
      name: "FINISH",
      run: ({ p, entityId, results }) => {
        const victims = results.victims ?? [];
        releaseVms(
          p,
          clusterVms(p, entityId).filter((vm) => victims.includes(vm.name)),
        );
        setVmsStarted(p, creatingWorkers(p, entityId));
        patchCluster(p, entityId, { state: "READY", workerCount: input.newWorkerCount, errorReason: "" });
      },
    };
    return [...(input.newWorkerCount > input.oldWorkerCount ? growSteps() : shrinkSteps()), finish];
  },
  onError: ({ p, entityId, task }, error) => {
    if (!p.store.get("service", entityId)) return;
    releaseVms(p, creatingWorkers(p, entityId));
    const reserving = task.steps.find((s) => s.state === "ERROR")?.operation === "RESERVE_WORKERS";
    patchCluster(
      p,
      entityId,
      reserving ? { state: "READY" } : { state: "RECOVERABLE_ERROR", errorReason: error.message },
    );
  },
};
