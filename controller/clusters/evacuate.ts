import { ApiError } from "../http/errors";
import type { Vm } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { drainOf } from "./drain";
import { loadCluster } from "./store";
import { isNode, nodeSpec, placeVms, releaseVms, setVmsStarted } from "./vms";

function vmsOn(p: Platform, hostId: string): Vm[] {
  return p.store.list("vm").filter((vm) => vm.hostId === hostId && !vm.replacesVmId);
}

function replacements(p: Platform, hostId: string): { old: Vm; next: Vm }[] {
  const olds = new Map(vmsOn(p, hostId).map((vm) => [vm.id, vm]));
  return p.store
    .list("vm")
    .filter((vm) => vm.replacesVmId && olds.has(vm.replacesVmId))
    .map((next) => ({ old: olds.get(next.replacesVmId ?? "") as Vm, next }));
}

/** Recreates the cluster VMs of a host on other READY CLOUD hosts (no live migration, as in Photon). */
export const evacuateHost: OperationDef<{ moves: string[] }> = {
  operation: "EVACUATE_HOST",
  steps: () => [
    {
      name: "PLACE_REPLACEMENTS",
      run: ({ p, entityId }) => {
        const done = new Set(replacements(p, entityId).map((r) => r.old.id));
        for (const old of vmsOn(p, entityId).filter((vm) => !done.has(vm.id))) {
          const c = loadCluster(p, old.clusterId);
          const opts = { chargeQuota: false, version: old.kubernetesVersion, excludeHostIds: [entityId] };
          placeVms(p, c, [{ role: old.role, replacesVmId: old.id }], opts);
        }
      },
    },
    {
      name: "MOVE_NODES",
      async: true,
      run: async ({ p, entityId }) => {
        for (const { old, next } of replacements(p, entityId)) {
          // The evacuated node is still Ready: its pods move through evictions, within their budgets.
          const drain = drainOf(p, loadCluster(p, old.clusterId));
          if (isNode(old))
            await p.runtime.upgradeNode(
              old.clusterId,
              old.name,
              nodeSpec(p, next),
              old.kubernetesVersion,
              drain,
            );
        }
      },
    },
    {
      name: "RELEASE_OLD_VMS",
      run: ({ p, entityId }) => {
        for (const { old, next } of replacements(p, entityId)) {
          releaseVms(p, [old], false);
          setVmsStarted(p, [{ ...next, cost: old.cost }]);
        }
        if (vmsOn(p, entityId).length > 0)
          throw new ApiError(500, "InternalError", `host ${entityId} still holds VMs`);
      },
    },
  ],
  onError: ({ p, entityId }, error) => {
    // After a drain timeout the replacements have joined Kubernetes: they stay (no orphan nodes), and
    // the next evacuation carries on with them, as PLACE_REPLACEMENTS skips VMs already replaced.
    if (error.code !== "DrainTimeout")
      releaseVms(
        p,
        replacements(p, entityId).map((r) => r.next),
        false,
      );
  },
};
