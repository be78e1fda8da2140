import type { Platform } from "../platform";
import { releaseQuota } from "../tenants/quotas";

/** Deletes a disk and gives its quota back (the project's forced delete, the disk delete). */
export function deleteDiskNow(p: Platform, diskId: string): void {
  const disk = p.store.get("disk", diskId);
  if (!disk) return;
  if (disk.state !== "ERROR" && disk.state !== "CREATING") releaseQuota(p, disk.projectId, disk.cost);
  p.store.delete("disk", diskId);
}

/** Space used in a datastore by cluster VM disks and persistent disks. */
export function datastoreUsedGb(p: Platform, datastoreId: string): number {
  const vms = p.store
    .list("vm")
    .filter((v) => v.datastoreId === datastoreId)
    .reduce((a, v) => a + v.diskGb, 0);
  const disks = p.store
    .list("disk")
    .filter((d) => d.datastoreId === datastoreId)
    .reduce((a, d) => a + d.capacityGb, 0);
  return vms + disks;
}
