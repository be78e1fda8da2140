/** Placement of VMs on hosts with real capacity accounting. Pure; property-tested. */

export interface HostSlot {
  id: string;
  cpuCount: number;
  memoryMb: number;
  datastoreGb: number;
}

export interface VmRequest {
  name: string;
  cpuCount: number;
  memoryMb: number;
  /** Space on the host's local datastore (0 when the disk lives in a storage pool). */
  datastoreGb: number;
  /** VMs of one group are spread over distinct hosts while possible (masters, etcd). */
  group: string;
}

export type PlacementCode = "NotEnoughMemoryResource" | "NotEnoughCpuResource" | "NotEnoughDatastoreCapacity";
export type Placement = { ok: true; hostIds: string[] } | { ok: false; code: PlacementCode; message: string };

function fits(h: HostSlot, r: VmRequest): boolean {
  return h.memoryMb >= r.memoryMb && h.cpuCount >= r.cpuCount && h.datastoreGb >= r.datastoreGb;
}

function failure(hosts: HostSlot[], r: VmRequest): Placement {
  const best = (key: keyof Omit<HostSlot, "id">, list: HostSlot[]) => Math.max(0, ...list.map((h) => h[key]));
  const withMemory = hosts.filter((h) => h.memoryMb >= r.memoryMb);
  if (withMemory.length === 0) {
    const message = `no host has ${r.memoryMb} MB of free memory for VM ${r.name} (largest free: ${best("memoryMb", hosts)} MB)`;
    return { ok: false, code: "NotEnoughMemoryResource", message };
  }
  const withCpu = withMemory.filter((h) => h.cpuCount >= r.cpuCount);
  if (withCpu.length === 0) {
    const message = `no host has ${r.cpuCount} free CPUs for VM ${r.name} (largest free: ${best("cpuCount", withMemory)})`;
    return { ok: false, code: "NotEnoughCpuResource", message };
  }
  const message = `no host has ${r.datastoreGb} GB of free datastore for VM ${r.name} (largest free: ${best("datastoreGb", withCpu)} GB)`;
  return { ok: false, code: "NotEnoughDatastoreCapacity", message };
}

/**
 * Places requests in order on the hosts: among hosts that fit, the one holding the fewest VMs of the
 * same group, then the one with the most free memory, then the lowest id. Never overcommits.
 */
export function place(hosts: HostSlot[], requests: VmRequest[]): Placement {
  const free = hosts.map((h) => ({ ...h }));
  const groupCount = new Map<string, number>();
  const hostIds: string[] = [];
  for (const r of requests) {
    const candidates = free.filter((h) => fits(h, r));
    if (candidates.length === 0) return failure(free, r);
    const count = (h: HostSlot) => groupCount.get(`${r.group}|${h.id}`) ?? 0;
    candidates.sort((a, b) => count(a) - count(b) || b.memoryMb - a.memoryMb || (a.id < b.id ? -1 : 1));
    const chosen = candidates[0] as HostSlot;
    chosen.cpuCount -= r.cpuCount;
    chosen.memoryMb -= r.memoryMb;
    chosen.datastoreGb -= r.datastoreGb;
    groupCount.set(`${r.group}|${chosen.id}`, count(chosen) + 1);
    hostIds.push(chosen.id);
  }
  return { ok: true, hostIds };
}
