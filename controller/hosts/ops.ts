import { ApiError } from "../http/errors";
import { loader } from "../http/replies";
import type { Host, HostState } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { oneStepOp } from "../tasks/inline";

export const loadHost = loader("host", "HostNotFound");

export function setHostState(p: Platform, id: string, state: HostState): void {
  p.store.put("host", { ...loadHost(p, id), state });
}

export function vmsOnHost(p: Platform, hostId: string) {
  return p.store.list("vm").filter((vm) => vm.hostId === hostId);
}

/** The host's own LOCAL_VMFS datastore. */
function putLocalDatastore(p: Platform, h: Host): void {
  p.store.put("datastore", {
    id: h.datastoreId,
    name: `datastore-${h.address}`,
    type: "LOCAL_VMFS",
    tags: ["LOCAL_VMFS"],
    hostIds: [h.id],
    createdTime: Date.now(),
  });
}

export const createHost: OperationDef<{ address: string }> = {
  operation: "CREATE_HOST",
  steps: () => [
    {
      name: "CHECK_HOST",
      run: ({ p, input, entityId }) => {
        const other = p.store
          .list("host")
          .find((h) => h.address === input.address && h.id !== entityId && h.state !== "DELETED");
        if (other)
          throw new ApiError(400, "DuplicateHost", `host ${input.address} already exists as ${other.id}`, {
            hostId: other.id,
          });
      },
    },
    {
      name: "PROVISION_HOST",
      run: ({ p, entityId }) => {
        const h = loadHost(p, entityId);
        putLocalDatastore(p, h);
        p.store.put("host", { ...h, state: "READY" });
      },
    },
  ],
  onError: ({ p, entityId }, error) => {
    if (error.code === "DuplicateHost") p.store.delete("host", entityId);
    else if (p.store.get("host", entityId)) setHostState(p, entityId, "ERROR");
  },
};

export const provisionHost: OperationDef<Record<string, never>> = {
  operation: "PROVISION_HOST",
  steps: () => [
    {
      name: "PROVISION_HOST",
      async: true,
      run: ({ p, entityId }) => p.runtime.setHostHealth(entityId, true),
    },
    {
      name: "MARK_READY",
      run: ({ p, entityId }) => {
        const h = loadHost(p, entityId);
        if (!p.store.get("datastore", h.datastoreId)) putLocalDatastore(p, h);
        setHostState(p, entityId, "READY");
      },
    },
  ],
};

/** A one-step state change; `check` runs in the step (for rules that depend on what the host holds). */
function transition(
  operation: string,
  to: HostState,
  check?: (p: Platform, h: Host) => void,
): OperationDef<Record<string, never>> {
  return oneStepOp(operation, (p, _i, id) => {
    const h = loadHost(p, id);
    check?.(p, h);
    setHostState(p, id, to);
  });
}

function noVms(p: Platform, h: Host): void {
  const vms = vmsOnHost(p, h.id);
  if (vms.length > 0) throw new ApiError(400, "HostHasVms", `host ${h.id} still has ${vms.length} VM(s)`);
}

export const suspendHost = transition("SUSPEND_HOST", "SUSPENDED");
export const resumeHost = transition("RESUME_HOST", "READY");
export const enterMaintenance = transition("ENTER_MAINTENANCE_MODE", "MAINTENANCE", noVms);
export const exitMaintenance = transition("EXIT_MAINTENANCE_MODE", "READY");

export const deleteHost = oneStepOp<Record<string, never>>("DELETE_HOST", (p, _i, id) => {
  const h = loadHost(p, id);
  noVms(p, h);
  p.store.delete("datastore", h.datastoreId);
  p.store.delete("host", h.id);
});

export const setAvailabilityZone = oneStepOp<{ availabilityZoneId: string }>(
  "SET_AVAILABILITY_ZONE",
  (p, input, id) => p.store.put("host", { ...loadHost(p, id), availabilityZone: input.availabilityZoneId }),
);

/** Fault injection: the host fails; its cluster nodes turn NotReady for the maintenance to replace. */
export const failHost: OperationDef<Record<string, never>> = {
  operation: "FAIL_HOST",
  steps: () => [
    { name: "MARK_ERROR", run: ({ p, entityId }) => setHostState(p, entityId, "ERROR") },
    {
      name: "NOTIFY_RUNTIME",
      async: true,
      run: ({ p, entityId }) => p.runtime.setHostHealth(entityId, false),
    },
  ],
};
