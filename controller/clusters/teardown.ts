import type { Platform } from "../platform";
import { deleteClusterVolumes } from "../storage/claimDisks";
import type { OperationDef } from "../tasks/operation";
import { patchCluster } from "./store";
import { clusterVms, releaseVms } from "./vms";

export async function destroyClusterInRuntime(p: Platform, clusterId: string): Promise<void> {
  await p.runtime.destroy(clusterId);
}

/** Deletes the cluster's VMs (quota back) and the cluster itself. Synchronous; call in a transaction. */
export function releaseCluster(p: Platform, clusterId: string): void {
  const vms = clusterVms(p, clusterId);
  releaseVms(
    p,
    vms.filter((vm) => !vm.replacesVmId),
  );
  releaseVms(
    p,
    vms.filter((vm) => vm.replacesVmId),
    false,
  );
  deleteClusterVolumes(p, clusterId);
  p.store.delete("service", clusterId);
}

export const deleteCluster: OperationDef<Record<string, never>> = {
  operation: "DELETE_CLUSTER",
  steps: () => [
    {
      name: "DELETE_KUBERNETES",
      async: true,
      run: ({ p, entityId }) => destroyClusterInRuntime(p, entityId),
    },
    { name: "DELETE_VMS", run: ({ p, entityId }) => releaseCluster(p, entityId) },
  ],
  onError: ({ p, entityId }, error) => {
    if (p.store.get("service", entityId)) patchCluster(p, entityId, { errorReason: error.message });
  },
};
