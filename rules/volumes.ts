/**
 * Persistent volumes carved from the vSAN storage pools: the names the controller's provisioner gives
 * Kubernetes objects and the provider reports (StoragePool.storageClassName), and the sizes and sentences
 * both sides share.
 */

/** The provisioner of every pool's StorageClass. */
export const VSAN_PROVISIONER = "photon.vmware.com/vsan";
/** The CSI driver named on the volumes it makes (a driver name is a DNS subdomain: no slash). */
export const VSAN_CSI_DRIVER = "vsan.photon.vmware.com";

/** The StorageClass of a pool: `vsan-` and the pool name in lower case (a DNS-1123 subdomain). */
export function storageClassNameOf(poolName: string): string {
  return `vsan-${poolName.toLowerCase()}`;
}

/** extendedProperties key of a cluster whose pool's class must not be the default (`false`; else `true`). */
export const DEFAULT_STORAGE_CLASS_PROPERTY = "default_storage_class";

/** The PersistentVolume (and disk) of a claim, named after its uid as the external-provisioner does. */
export function volumeNameOf(claimUid: string): string {
  return `pvc-${claimUid}`;
}

/** The disk tags that tie a disk to the claim and the cluster it was made for (found again after a crash). */
export function claimDiskTags(clusterId: string, claimUid: string): string[] {
  return [clusterTag(clusterId), `${CLAIM_TAG_PREFIX}${claimUid}`];
}

export const CLAIM_TAG_PREFIX = "photon:claim-uid=";

export const clusterTag = (clusterId: string): string => `photon:cluster=${clusterId}`;

const SUFFIX_BYTES: Readonly<Record<string, number>> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};
const QUANTITY = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/;

/**
 * A storage quantity (`10Gi`, `500Mi`, `2G`) in whole GB of disk, rounded up: disks come in GB, and a
 * volume is never smaller than its claim asked. A GB of disk is taken as 2^30 bytes. undefined: not a
 * quantity this provisioner understands (exponents, milli-units).
 */
export function quantityToGb(quantity: string): number | undefined {
  const match = QUANTITY.exec(quantity.trim());
  if (!match?.[1]) return undefined;
  const bytes = Number(match[1]) * (SUFFIX_BYTES[match[2] ?? ""] ?? 1);
  const gb = Math.ceil(bytes / 2 ** 30);
  return gb >= 1 ? gb : 1;
}

/** The quantity Kubernetes shows for a disk's size. */
export const gbToQuantity = (gb: number): string => `${gb}Gi`;

/** Completes "NotEnoughDatastoreCapacity: ..." for a disk or a shrink that does not fit in a pool. */
export function poolShortfall(poolName: string, leftGb: number, askedGb: number): string {
  return `storage pool ${poolName} has ${leftGb} GB left, ${askedGb} GB asked`;
}
