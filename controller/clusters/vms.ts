import { ApiError } from "../http/errors";
import { must, newId, omit } from "../http/replies";
import { freeCapacity } from "../hosts/capacity";
import type { Cluster, Cost, StoragePool, Vm, VmRole } from "../model";
import type { Platform } from "../platform";
import { releaseQuota, reserveQuota } from "../tenants/quotas";
import { convert } from "../../rules/quota";
import { sumCosts } from "../../rules/quota-usage";
import { place, type HostSlot } from "./placement";
import type { NodeSpec } from "./runtime";

export interface VmSize {
  cpuCount: number;
  memoryMb: number;
  diskGb: number;
  cost: Cost[];
}

function costValue(cost: Cost[], key: string, unit: "COUNT" | "MB" | "GB"): number | undefined {
  const c = cost.find((x) => x.key === key);
  return c ? convert(c.value, c.unit, unit) : undefined;
}

/** What one VM of a flavor (plus the cluster's disk flavor) takes from a host and from quotas. */
export function vmSize(p: Platform, flavorName: string, diskFlavorName: string): VmSize {
  const flavor = p.store.list("flavor").find((f) => f.name === flavorName && f.kind === "vm");
  const disk = p.store.list("flavor").find((f) => f.name === diskFlavorName && f.kind === "ephemeral-disk");
  if (!flavor) throw new ApiError(404, "FlavorNotFound", `vm flavor ${flavorName} not found`);
  if (!disk) throw new ApiError(404, "FlavorNotFound", `ephemeral-disk flavor ${diskFlavorName} not found`);
  return {
    cpuCount: costValue(flavor.cost, "vm.cpu", "COUNT") ?? 1,
    memoryMb: costValue(flavor.cost, "vm.memory", "MB") ?? 1024,
    diskGb: Math.ceil(costValue(disk.cost, "ephemeral-disk.capacity", "GB") ?? 20),
    cost: sumCosts([flavor.cost, disk.cost]),
  };
}

export function roleFlavor(c: Cluster, role: VmRole): string {
  return role === "KubernetesMaster" ? c.masterVmFlavorName : c.otherVmFlavorName;
}

export function clusterVms(p: Platform, clusterId: string): Vm[] {
  return p.store.list("vm", clusterId);
}

export function cloudHostSlots(p: Platform, excludeHostIds: string[] = []): HostSlot[] {
  return p.store
    .list("host")
    .filter((h) => h.state === "READY" && h.usageTags.includes("CLOUD") && !excludeHostIds.includes(h.id))
    .map((h) => ({ id: h.id, ...freeCapacity(p, h) }));
}

function poolFreeGb(p: Platform, poolId: string): number {
  const pool = must(p.store.get("storage-pool", poolId), "storage-pool", poolId, "StoragePoolNotFound");
  const vmGb = p.store
    .list("vm")
    .filter((v) => v.datastoreId === pool.datastoreId)
    .reduce((a, v) => a + v.diskGb, 0);
  const diskGb = p.store
    .list("disk")
    .filter((d) => d.datastoreId === pool.datastoreId)
    .reduce((a, d) => a + d.capacityGb, 0);
  return pool.capacityGb - vmGb - diskGb;
}

export interface NewVm {
  role: VmRole;
  replacesVmId?: string;
}

export interface PlaceOptions {
  excludeHostIds?: string[];
  /** Charge quota (false for replacements of existing VMs, whose cost is already counted). */
  chargeQuota: boolean;
  version: string;
}

/**
 * Places new VMs of a cluster and records them CREATING: host capacity, storage pool capacity and quota
 * are all checked in the caller's transaction (NotEnough*Resource, NotEnoughDatastoreCapacity, QuotaError).
 */
export function placeVms(p: Platform, c: Cluster, wanted: NewVm[], opts: PlaceOptions): Vm[] {
  const sizes = wanted.map((w) => vmSize(p, roleFlavor(c, w.role), c.diskFlavorName));
  const pool = c.storagePoolId ? p.store.get("storage-pool", c.storagePoolId) : undefined;
  const names = wanted.map((w) => nodeName(c, w.role));
  const requests = wanted.map((w, i) => ({
    name: names[i] ?? "",
    cpuCount: sizes[i]?.cpuCount ?? 0,
    memoryMb: sizes[i]?.memoryMb ?? 0,
    datastoreGb: pool ? 0 : (sizes[i]?.diskGb ?? 0),
    group: w.role === "KubernetesWorker" ? `${c.id}:worker` : `${c.id}:${w.role}`,
  }));
  const placement = place(cloudHostSlots(p, opts.excludeHostIds), requests);
  if (!placement.ok) throw new ApiError(400, placement.code, placement.message);
  if (pool) checkPoolRoom(p, pool, sizes);
  if (opts.chargeQuota) reserveQuota(p, c.projectId, sumCosts(sizes.map((s) => s.cost)));
  return wanted.map((w, i) => {
    const hostId = placement.hostIds[i] ?? "";
    const host = must(p.store.get("host", hostId), "host", hostId);
    const vm = vmRecord(c, w, sizes[i] as VmSize, opts.version, {
      name: names[i] ?? "",
      hostId,
      datastoreId: pool ? pool.datastoreId : host.datastoreId,
    });
    p.store.put("vm", vm, c.id);
    return vm;
  });
}

function checkPoolRoom(p: Platform, pool: StoragePool, sizes: VmSize[]): void {
  const need = sizes.reduce((a, s) => a + s.diskGb, 0);
  const free = poolFreeGb(p, pool.id);
  if (need > free)
    throw new ApiError(
      400,
      "NotEnoughDatastoreCapacity",
      `storage pool ${pool.name} has ${free} GB free, ${need} GB needed`,
    );
}

/** The CREATING record of one placed VM, tagged cluster:<id> and cluster:<id>:<role>. */
function vmRecord(
  c: Cluster,
  w: NewVm,
  size: VmSize,
  version: string,
  at: { name: string; hostId: string; datastoreId: string },
): Vm {
  return {
    id: newId(),
    name: at.name,
    flavor: roleFlavor(c, w.role),
    clusterId: c.id,
    projectId: c.projectId,
    tenantId: c.tenantId,
    hostId: at.hostId,
    datastoreId: at.datastoreId,
    role: w.role,
    cpuCount: size.cpuCount,
    memoryMb: size.memoryMb,
    diskGb: size.diskGb,
    cost: size.cost,
    kubernetesVersion: version,
    ...(w.replacesVmId && { replacesVmId: w.replacesVmId }),
    state: "CREATING",
    tags: [`cluster:${c.id}`, `cluster:${c.id}:${w.role}`],
    createdTime: Date.now(),
  };
}

/** Deletes VMs; their quota is given back unless they were uncharged replacements. */
export function releaseVms(p: Platform, vms: Vm[], chargeBack = true): void {
  for (const vm of vms) {
    p.store.delete("vm", vm.id);
    if (chargeBack) releaseQuota(p, vm.projectId, vm.cost);
  }
}

export function setVmsStarted(p: Platform, vms: Vm[]): void {
  for (const vm of vms) {
    p.store.put("vm", { ...omit(vm, "replacesVmId"), state: "STARTED" }, vm.clusterId);
  }
}

function nodeName(c: Cluster, role: VmRole): string {
  const kind = role === "KubernetesMaster" ? "master" : role === "KubernetesEtcd" ? "etcd" : "worker";
  return `${c.name.toLowerCase()}-${kind}-${newId().slice(0, 8)}`;
}

export function isNode(vm: Vm): boolean {
  return vm.role !== "KubernetesEtcd";
}

export function nodeSpec(p: Platform, vm: Vm): NodeSpec {
  const host = p.store.get("host", vm.hostId);
  return {
    name: vm.name,
    vmId: vm.id,
    hostId: vm.hostId,
    hostAddress: host?.address ?? "",
    zone: host?.availabilityZone ?? "default",
    role: vm.role === "KubernetesMaster" ? "master" : "worker",
  };
}

export function imageVersion(p: Platform, imageId: string): string {
  return must(p.store.get("image", imageId), "image", imageId, "ImageNotFound").kubernetesVersion;
}
