/* The boundary between the volume provisioner (controller/kube) and the Photon store. */

/** What a cluster's StorageClass says: its pool, and whether it is the cluster's default class. */
export interface ClusterStorage {
  readonly poolId: string;
  readonly poolName: string;
  readonly failuresToTolerate: number;
  readonly isDefault: boolean;
}

/** A disk as the provisioner sees it. */
export interface VolumeDisk {
  readonly id: string;
  readonly capacityGb: number;
}

/**
 * The Photon side of the volume provisioner: the runtime's Kubernetes code reaches the store only
 * through this, so it stays free of the controller's HTTP and task layers.
 */
export interface VolumeBackend {
  /** undefined: the cluster has no storage pool (no class, nothing to provision) or is gone. */
  storageOf(clusterId: string): ClusterStorage | undefined;
  /** The claim's disk: found by its uid, else made. Throws VolumeRefusal when it does not fit. */
  ensureDisk(clusterId: string, claimUid: string, capacityGb: number): VolumeDisk;
  findDisk(clusterId: string, claimUid: string): VolumeDisk | undefined;
  /** Throws VolumeRefusal when the growth does not fit. */
  growDisk(diskId: string, capacityGb: number): VolumeDisk;
  deleteDisk(diskId: string): void;
  /** Every disk made for a claim of the cluster, with that claim's uid. */
  claimDisks(clusterId: string): { readonly id: string; readonly claimUid: string }[];
}

/** A disk refused for a reason the user can act on: the server's code and sentence, for the claim's event. */
export class VolumeRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export { DEFAULT_STORAGE_CLASS_PROPERTY } from "../../rules/volumes";
