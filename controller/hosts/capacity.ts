import { capacityValueProblem } from "../../rules/capacity";
import type { Capacity, Host } from "../model";
import type { Platform } from "../platform";

export const DEFAULT_CAPACITY: Capacity = { cpuCount: 32, memoryMb: 131072, datastoreGb: 2048 };

/** Capacity from host metadata (cpuCount, memoryMb, datastoreGb) with defaults; problems are reported. */
export function capacityFromMetadata(
  metadata: Record<string, string>,
): { ok: true; capacity: Capacity } | { ok: false; property: string; value: string } {
  const capacity: Capacity = { ...DEFAULT_CAPACITY };
  for (const key of Object.keys(DEFAULT_CAPACITY) as (keyof Capacity)[]) {
    const raw = metadata[key];
    if (raw === undefined) continue;
    if (capacityValueProblem(raw)) return { ok: false, property: `metadata.${key}`, value: raw };
    capacity[key] = Number(raw);
  }
  return { ok: true, capacity };
}

/** Raw space a storage pool takes on each member host: capacity times copies, spread over members. */
export function poolShareGb(capacityGb: number, failuresToTolerate: number, members: number): number {
  if (members <= 0) return 0;
  return Math.ceil((capacityGb * (failuresToTolerate + 1)) / members);
}

/** What the host's VMs (on its local datastore) and the pools it belongs to use. */
export function hostUsage(p: Platform, host: Host, excludePoolId?: string): Capacity {
  const usage: Capacity = { cpuCount: 0, memoryMb: 0, datastoreGb: 0 };
  for (const vm of p.store.list("vm")) {
    if (vm.hostId !== host.id) continue;
    usage.cpuCount += vm.cpuCount;
    usage.memoryMb += vm.memoryMb;
    if (vm.datastoreId === host.datastoreId) usage.datastoreGb += vm.diskGb;
  }
  for (const d of p.store.list("disk"))
    if (d.datastoreId === host.datastoreId) usage.datastoreGb += d.capacityGb;
  for (const pool of p.store.list("storage-pool")) {
    if (pool.id === excludePoolId || pool.state === "ERROR" || !pool.hostIds.includes(host.id)) continue;
    usage.datastoreGb += poolShareGb(pool.capacityGb, pool.failuresToTolerate, pool.hostIds.length);
  }
  return usage;
}

export function freeCapacity(p: Platform, host: Host, excludePoolId?: string): Capacity {
  const used = hostUsage(p, host, excludePoolId);
  return {
    cpuCount: host.capacity.cpuCount - used.cpuCount,
    memoryMb: host.capacity.memoryMb - used.memoryMb,
    datastoreGb: host.capacity.datastoreGb - used.datastoreGb,
  };
}
