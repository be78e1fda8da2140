import { randomBytes } from "crypto";
import type {
  CoreV1Event,
  V1CSIDriver,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1StorageClass,
} from "@kubernetes/client-node";
import type { ClusterStorage, VolumeDisk } from "../volumes/backend";
import {
  gbToQuantity,
  storageClassNameOf,
  volumeNameOf,
  VSAN_CSI_DRIVER,
  VSAN_PROVISIONER,
} from "../../rules/volumes";

/* The Kubernetes objects of the volume provisioner, as the external-provisioner conventions shape them. */

export const ANN_DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
export const ANN_STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
export const ANN_BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
export const ANN_PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
/** The component events name as their source, as `kubectl describe pvc` shows it. */
export const PROVISIONER_COMPONENT = `${VSAN_PROVISIONER}_photon-controller`;

export function storageClassOf(storage: ClusterStorage): V1StorageClass {
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: {
      name: storageClassNameOf(storage.poolName),
      annotations: { [ANN_DEFAULT_CLASS]: String(storage.isDefault) },
      labels: { "photon.vmware.com/storage-pool": storage.poolId },
    },
    provisioner: VSAN_PROVISIONER,
    parameters: {
      storagePool: storage.poolName,
      failuresToTolerate: String(storage.failuresToTolerate),
    },
    reclaimPolicy: "Delete",
    allowVolumeExpansion: true,
    // Immediate: the disk is made when the claim is, so a pod never waits on a scheduler round trip.
    volumeBindingMode: "Immediate",
  };
}

/**
 * The driver's registration: attachRequired false, so the attach/detach controller does not wait for an
 * attacher no one runs (kwok nodes have no kubelet; a Photon disk is attached with its VM).
 */
export function csiDriverOf(): V1CSIDriver {
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "CSIDriver",
    metadata: { name: VSAN_CSI_DRIVER },
    spec: { attachRequired: false, podInfoOnMount: false, volumeLifecycleModes: ["Persistent"] },
  };
}

/** The volume of a claim, pre-bound to it (claimRef with uid), the disk id as its CSI volume handle. */
export function volumeOf(
  claim: V1PersistentVolumeClaim,
  disk: VolumeDisk,
  storage: ClusterStorage,
  reclaimPolicy: string,
): V1PersistentVolume {
  const meta = claim.metadata ?? {};
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name: volumeNameOf(meta.uid ?? ""),
      annotations: { [ANN_PROVISIONED_BY]: VSAN_PROVISIONER, "photon.vmware.com/disk-id": disk.id },
    },
    spec: {
      capacity: { storage: gbToQuantity(disk.capacityGb) },
      accessModes: claim.spec?.accessModes ?? ["ReadWriteOnce"],
      volumeMode: claim.spec?.volumeMode ?? "Filesystem",
      storageClassName: storageClassNameOf(storage.poolName),
      persistentVolumeReclaimPolicy: reclaimPolicy,
      claimRef: {
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        namespace: meta.namespace ?? "default",
        name: meta.name ?? "",
        uid: meta.uid ?? "",
        resourceVersion: meta.resourceVersion ?? "",
      },
      csi: {
        driver: VSAN_CSI_DRIVER,
        volumeHandle: disk.id,
        fsType: "ext4",
        volumeAttributes: { storagePool: storage.poolName },
      },
    },
  };
}

export type EventType = "Normal" | "Warning";

/** An event on a claim, as an event recorder writes it. */
export function claimEvent(
  claim: V1PersistentVolumeClaim,
  type: EventType,
  reason: string,
  message: string,
): CoreV1Event {
  const meta = claim.metadata ?? {};
  const now = new Date();
  return {
    metadata: {
      name: `${meta.name ?? "claim"}.${randomBytes(8).toString("hex")}`,
      namespace: meta.namespace ?? "default",
    },
    involvedObject: {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      namespace: meta.namespace ?? "default",
      name: meta.name ?? "",
      uid: meta.uid ?? "",
      resourceVersion: meta.resourceVersion ?? "",
    },
    type,
    reason,
    message,
    source: { component: PROVISIONER_COMPONENT },
    reportingComponent: PROVISIONER_COMPONENT,
    reportingInstance: "photon-controller",
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
}
