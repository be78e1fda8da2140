import { ApiError } from "../http/errors";
import { must } from "../http/replies";
import type { Host, HostState } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/engine";

function host(p: Platform, id: string): Host {
  return must(p.store.get("host", id), "host", id, "HostNotFound");
}

export function setHostState(p: Platform, id: string, state: HostState): void {
  p.store.put("host", { ...host(p, id), state });
}

export function vmsOnHost(p: Platform, hostId: string) {
  return p.store.list("vm").filter((vm) => vm.hostId === hostId);
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
        const h = host(p, entityId);
        const ds = {
          id: h.datastoreId,
          name: `datastore-${h.address}`,
          type: "LOCAL_VMFS" as const,
          tags: ["LOCAL_VMFS"],
        };
        p.store.put("datastore", { ...ds, hostIds: [h.id], createdTime: Date.now() });
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
        const h = host(p, entityId);
        const ds = {
          id: h.datastoreId,
          name: `datastore-${h.address}`,
          type: "LOCAL_VMFS" as const,
          tags: ["LOCAL_VMFS"],
        };
        if (!p.store.get("datastore", h.datastoreId))
          p.store.put("datastore", { ...ds, hostIds: [h.id], createdTime: Date.now() });
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
  return {
    operation,
    steps: () => [
      {
        name: operation,
        run: ({ p, entityId }) => {
          const h = host(p, entityId);
          check?.(p, h);
          setHostState(p, entityId, to);
        },
      },
    ],
  };
}

function noVms(p: Platform, h: Host): void {
  const vms = vmsOnHost(p, h.id);
  if (vms.length > 0) throw new ApiError(400, "HostHasVms", `host ${h.id} still has ${vms.length} VM(s)`);
}

export const suspendHost = transition("SUSPEND_HOST", "SUSPENDED");
export const resumeHost = transition("RESUME_HOST", "READY");
export const enterMaintenance = transition("ENTER_MAINTENANCE_MODE", "MAINTENANCE", noVms);
export const exitMaintenance = transition("EXIT_MAINTENANCE_MODE", "READY");

export const deleteHost: OperationDef<Record<string, never>> = {
  operation: "DELETE_HOST",
  steps: () => [
    {
      name: "DELETE_HOST",
      run: ({ p, entityId }) => {
        const h = host(p, entityId);
        noVms(p, h);
        p.store.delete("datastore", h.datastoreId);
        p.store.delete("host", h.id);
      },
    },
  ],
};

export const setAvailabilityZone: OperationDef<{ availabilityZoneId: string }> = {
  operation: "SET_AVAILABILITY_ZONE",
  steps: () => [
    {
      name: "SET_AVAILABILITY_ZONE",
      run: ({ p, input, entityId }) =>
        p.store.put("host", { ...host(p, entityId), availabilityZone: input.availabilityZoneId }),
    },
  ],
};

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
