import type { Disk } from "../model";
import type { Platform } from "../platform";
import { newId } from "../http/replies";
import { CLAIM_TAG_PREFIX, claimDiskTags, clusterTag, volumeNameOf } from "../../rules/volumes";
import { growDisk, reserveDisk } from "./disks";
import { deleteDiskNow } from "./teardown";

/*
 * The disks of PersistentVolumeClaims: the persistent disks the volume provisioner makes in a cluster's
 * project on its pool, found again by the claim's uid (tag and name) so a retried create never makes a
 * second one.
 */

/** The flavor of provisioned disks (the seed's persistent-disk flavor). */
export const CLAIM_DISK_FLAVOR = "standard-disk";

export function findClaimDisk(p: Platform, clusterId: string, claimUid: string): Disk | undefined {
  const cluster = p.store.get("service", clusterId);
  if (!cluster) return undefined;
  const [byCluster, byClaim] = claimDiskTags(clusterId, claimUid);
  return p.store
    .list("disk", cluster.projectId)
    .find((d) => d.tags.includes(byCluster ?? "") && d.tags.includes(byClaim ?? ""));
}

/**
 * The claim's disk: the one made earlier, else a new one of `capacityGb` on the cluster's pool, charged
 * to its project (NotEnoughDatastoreCapacity, QuotaError: nothing is kept). One transaction.
 */
export function ensureClaimDisk(p: Platform, clusterId: string, claimUid: string, capacityGb: number): Disk {
  return p.store.tx(() => {
    const found = findClaimDisk(p, clusterId, claimUid);
    if (found) return found;
    const cluster = p.store.get("service", clusterId);
    if (!cluster?.storagePoolId) throw new Error(`cluster ${clusterId} has no storage pool`);
    const disk: Disk = {
      id: newId(),
      name: volumeNameOf(claimUid),
      flavor: CLAIM_DISK_FLAVOR,
      capacityGb,
      projectId: cluster.projectId,
      tenantId: cluster.tenantId,
      datastoreId: "",
      affinities: [{ kind: "storage-pool", id: cluster.storagePoolId }],
      state: "CREATING",
      tags: claimDiskTags(clusterId, claimUid),
      cost: [],
      createdTime: Date.now(),
    };
    return reserveDisk(p, disk);
  });
}

export function growClaimDisk(p: Platform, diskId: string, capacityGb: number): Disk {
  return p.store.tx(() => growDisk(p, diskId, capacityGb));
}

export function deleteClaimDisk(p: Platform, diskId: string): void {
  p.store.tx(() => deleteDiskNow(p, diskId));
}

export function claimDisksOf(p: Platform, clusterId: string): { id: string; claimUid: string }[] {
  const tag = clusterTag(clusterId);
  return p.store.list("disk").flatMap((d) => {
    const claimUid = d.tags.find((t) => t.startsWith(CLAIM_TAG_PREFIX))?.slice(CLAIM_TAG_PREFIX.length);
    return d.tags.includes(tag) && claimUid ? [{ id: d.id, claimUid }] : [];
  });
}

/** A deleted cluster's volumes go with it: every disk tagged with the cluster. Call in a transaction. */
export function deleteClusterVolumes(p: Platform, clusterId: string): void {
  const tag = clusterTag(clusterId);
  for (const d of p.store.list("disk").filter((x) => x.tags.includes(tag))) deleteDiskNow(p, d.id);
}
