import type { Platform } from "../platform";
import {
  claimDisksOf,
  deleteClaimDisk,
  ensureClaimDisk,
  findClaimDisk,
  growClaimDisk,
} from "../storage/claimDisks";
import { ApiError } from "../http/errors";
import { DEFAULT_STORAGE_CLASS_PROPERTY, type VolumeBackend, VolumeRefusal } from "./backend";

function refusalOf(error: unknown): unknown {
  return error instanceof ApiError ? new VolumeRefusal(error.code, error.message) : error;
}

function refusing<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw refusalOf(error);
  }
}

export function platformVolumes(p: Platform): VolumeBackend {
  return {
    storageOf: (clusterId) => {
      const cluster = p.store.get("service", clusterId);
      const pool = cluster?.storagePoolId ? p.store.get("storage-pool", cluster.storagePoolId) : undefined;
      if (!cluster || !pool) return undefined;
      const isDefault = cluster.extendedProperties[DEFAULT_STORAGE_CLASS_PROPERTY] !== "false";
      return { poolId: pool.id, poolName: pool.name, failuresToTolerate: pool.failuresToTolerate, isDefault };
    },
    ensureDisk: (clusterId, claimUid, gb) => refusing(() => ensureClaimDisk(p, clusterId, claimUid, gb)),
    findDisk: (clusterId, claimUid) => findClaimDisk(p, clusterId, claimUid),
    growDisk: (diskId, gb) => refusing(() => growClaimDisk(p, diskId, gb)),
    deleteDisk: (diskId) => deleteClaimDisk(p, diskId),
    claimDisks: (clusterId) => claimDisksOf(p, clusterId),
  };
}
