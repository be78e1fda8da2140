import {
  type CoreV1Api,
  PatchStrategy,
  setHeaderOptions,
  type StorageV1Api,
  type V1PersistentVolume,
  type V1PersistentVolumeClaim,
} from "@kubernetes/client-node";
import { type ClusterStorage, type VolumeBackend, VolumeRefusal } from "../volumes/backend";
import {
  gbToQuantity,
  quantityToGb,
  storageClassNameOf,
  volumeNameOf,
  VSAN_PROVISIONER,
} from "../../rules/volumes";
import { isConflict, isNotFound } from "./errors";
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_DEFAULT_CLASS,
  ANN_PROVISIONED_BY,
  ANN_STORAGE_PROVISIONER,
  claimEvent,
  csiDriverOf,
  type EventType,
  storageClassOf,
  volumeOf,
} from "./volumeObjects";

const mergePatch = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 60_000;
/** Claims a pass works on at the same time (disks are made one at a time: the store is synchronous). */
const CLAIMS_AT_ONCE = 8;

/** A claim's last refusal: no retry before `until`, and the same sentence is not told twice in a row. */
interface Refusal {
  readonly until: number;
  readonly delayMs: number;
  readonly message: string;
}

/**
 * One pass of the provisioner over a cluster: its StorageClass, then every claim of that class (provision,
 * expand), then the released volumes (delete). Level-triggered: a pass after a crash finishes what the
 * previous one left, and finds each claim's disk by its uid before it would make one.
 */
export class ProvisionerSync {
  private readonly refusals = new Map<string, Refusal>();
  private driverMade = false;

  constructor(
    private readonly clusterId: string,
    private readonly core: CoreV1Api,
    private readonly storageApi: StorageV1Api,
    private readonly backend: VolumeBackend,
  ) {}

  async pass(): Promise<void> {
    const storage = this.backend.storageOf(this.clusterId);
    if (!storage) return;
    await this.ensureClass(storage);
    const className = storageClassNameOf(storage.poolName);
    const volumes = new Map(
      (await this.core.listPersistentVolume()).items.map((v) => [v.metadata?.name ?? "", v]),
    );
    const all = (await this.core.listPersistentVolumeClaimForAllNamespaces()).items;
    const claims = all.filter(
      (c) => c.spec?.storageClassName === className && !c.metadata?.deletionTimestamp,
    );
    const reclaimPolicy = (await this.classOf(storage))?.reclaimPolicy ?? "Delete";
    // Claims one by one would make a burst of claims wait on each other's API round trips.
    await inBatches(claims, CLAIMS_AT_ONCE, async (claim) => {
      const volume = volumes.get(volumeNameOf(claim.metadata?.uid ?? ""));
      if (!volume && !claim.spec?.volumeName) await this.provision(claim, storage, reclaimPolicy);
      else if (volume && claim.status?.phase === "Bound") await this.expand(claim, volume);
    });
    for (const volume of volumes.values()) await this.reclaim(volume);
    this.sweepOrphans(all, [...volumes.values()]);
    const present = new Set(all.map((c) => c.metadata?.uid ?? ""));
    for (const uid of this.refusals.keys()) if (!present.has(uid)) this.refusals.delete(uid);
  }

  /**
   * A disk whose claim went away before its volume was made (deleted while pending, or a crash between
   * the two) has nothing that would ever delete it: it goes now. Claims and volumes were listed before
   * any disk of this pass was made, so a disk made just now always has its claim in `claims`.
   */
  private sweepOrphans(claims: V1PersistentVolumeClaim[], volumes: V1PersistentVolume[]): void {
    const claimed = new Set(claims.map((c) => c.metadata?.uid ?? ""));
    const held = new Set(volumes.map((v) => v.spec?.csi?.volumeHandle ?? ""));
    for (const disk of this.backend.claimDisks(this.clusterId))
      if (!claimed.has(disk.claimUid) && !held.has(disk.id)) this.backend.deleteDisk(disk.id);
  }

  private async ensureClass(storage: ClusterStorage): Promise<void> {
    const wanted = storageClassOf(storage);
    const name = wanted.metadata?.name ?? "";
    try {
      const current = await this.storageApi.readStorageClass({ name });
      const isDefault = wanted.metadata?.annotations?.[ANN_DEFAULT_CLASS];
      if (current.metadata?.annotations?.[ANN_DEFAULT_CLASS] !== isDefault)
        await this.storageApi.patchStorageClass(
          { name, body: { metadata: { annotations: { [ANN_DEFAULT_CLASS]: isDefault } } } },
          mergePatch,
        );
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.storageApi.createStorageClass({ body: wanted }).catch(ignoreConflict);
    }
    if (!this.driverMade) {
      await this.storageApi.createCSIDriver({ body: csiDriverOf() }).catch(ignoreConflict);
      this.driverMade = true;
    }
  }

  private async provision(
    claim: V1PersistentVolumeClaim,
    storage: ClusterStorage,
    reclaimPolicy: string,
  ): Promise<void> {
    const uid = claim.metadata?.uid ?? "";
    if ((this.refusals.get(uid)?.until ?? 0) > Date.now()) return;
    const requested = claim.spec?.resources?.requests?.["storage"];
    const gb = requested === undefined ? undefined : quantityToGb(String(requested));
    if (gb === undefined) {
      await this.refuse(
        claim,
        "ProvisioningFailed",
        `cannot read the requested storage ${String(requested)}`,
      );
      return;
    }
    await this.markProvisioner(claim);
    let disk = this.backend.findDisk(this.clusterId, uid);
    if (!disk) {
      await this.event(
        claim,
        "Normal",
        "Provisioning",
        `External provisioner is provisioning volume for claim "${describe(claim)}"`,
      );
      try {
        disk = this.backend.ensureDisk(this.clusterId, uid, gb);
      } catch (error) {
        if (!(error instanceof VolumeRefusal)) throw error;
        const className = storageClassNameOf(storage.poolName);
        const message = `failed to provision volume with StorageClass "${className}": ${error.code}: ${error.message}`;
        await this.refuse(claim, "ProvisioningFailed", message);
        return;
      }
    }
    const volume = volumeOf(claim, disk, storage, reclaimPolicy);
    await this.core.createPersistentVolume({ body: volume }).catch(ignoreConflict);
    this.refusals.delete(uid);
    const what = `disk ${disk.id}, ${disk.capacityGb} GB on storage pool ${storage.poolName}`;
    await this.event(
      claim,
      "Normal",
      "ProvisioningSucceeded",
      `Successfully provisioned volume ${volume.metadata?.name ?? ""} (${what})`,
    );
  }

  /** The claim names this provisioner, as the PV controller does for classes it has no plugin for. */
  private async markProvisioner(claim: V1PersistentVolumeClaim): Promise<void> {
    const annotations = claim.metadata?.annotations ?? {};
    if (annotations[ANN_STORAGE_PROVISIONER] === VSAN_PROVISIONER) return;
    const body = {
      metadata: {
        annotations: {
          [ANN_STORAGE_PROVISIONER]: VSAN_PROVISIONER,
          [ANN_BETA_STORAGE_PROVISIONER]: VSAN_PROVISIONER,
        },
      },
    };
    await this.core.patchNamespacedPersistentVolumeClaim({ ...nameOf(claim), body }, mergePatch);
  }

  /**
   * A bound claim asking for more than its volume has: the disk grows, then the volume, then the claim's
   * status capacity. No kubelet resizes a file system on kwok nodes, so this sets what the external-resizer
   * and then the kubelet would (online expansion finished).
   */
  private async expand(claim: V1PersistentVolumeClaim, volume: V1PersistentVolume): Promise<void> {
    if (volume.metadata?.annotations?.[ANN_PROVISIONED_BY] !== VSAN_PROVISIONER) return;
    const uid = claim.metadata?.uid ?? "";
    const wanted = quantityToGb(String(claim.spec?.resources?.requests?.["storage"] ?? ""));
    const has = quantityToGb(String(volume.spec?.capacity?.["storage"] ?? ""));
    const shown = quantityToGb(String(claim.status?.capacity?.["storage"] ?? ""));
    if (wanted === undefined || has === undefined) return;
    if (wanted > has) {
      if ((this.refusals.get(uid)?.until ?? 0) > Date.now()) return;
      await this.event(
        claim,
        "Normal",
        "Resizing",
        `External resizer is resizing volume ${volume.metadata?.name ?? ""}`,
      );
      try {
        this.backend.growDisk(volume.spec?.csi?.volumeHandle ?? "", wanted);
      } catch (error) {
        if (!(error instanceof VolumeRefusal)) throw error;
        await this.refuse(
          claim,
          "VolumeResizeFailed",
          `resize volume ${volume.metadata?.name ?? ""} failed: ${error.code}: ${error.message}`,
        );
        return;
      }
      const body = { spec: { capacity: { storage: gbToQuantity(wanted) } } };
      await this.core.patchPersistentVolume({ name: volume.metadata?.name ?? "", body }, mergePatch);
      this.refusals.delete(uid);
    }
    if (shown === undefined || shown < Math.max(wanted, has)) {
      const capacity = { storage: gbToQuantity(Math.max(wanted, has)) };
      const body = { status: { capacity, conditions: [] } };
      await this.core.patchNamespacedPersistentVolumeClaimStatus({ ...nameOf(claim), body }, mergePatch);
      await this.event(
        claim,
        "Normal",
        "VolumeResizeSuccessful",
        `resize volume ${volume.metadata?.name ?? ""} to ${capacity.storage} succeeded`,
      );
    }
  }

  /** A released volume of this provisioner with reclaim policy Delete: its disk goes, then the volume. */
  private async reclaim(volume: V1PersistentVolume): Promise<void> {
    if (volume.metadata?.annotations?.[ANN_PROVISIONED_BY] !== VSAN_PROVISIONER) return;
    if (volume.status?.phase !== "Released" || volume.spec?.persistentVolumeReclaimPolicy !== "Delete")
      return;
    if (volume.metadata.deletionTimestamp) return;
    const diskId = volume.spec.csi?.volumeHandle;
    if (diskId) this.backend.deleteDisk(diskId);
    await this.core.deletePersistentVolume({ name: volume.metadata.name ?? "" }).catch(ignoreNotFound);
  }

  private async classOf(storage: ClusterStorage) {
    const name = storageClassNameOf(storage.poolName);
    return this.storageApi.readStorageClass({ name }).catch(() => undefined);
  }

  /** Tells the claim why it waits (once per sentence) and backs off: 2 s, doubling up to a minute. */
  private async refuse(claim: V1PersistentVolumeClaim, reason: string, message: string): Promise<void> {
    const uid = claim.metadata?.uid ?? "";
    const previous = this.refusals.get(uid);
    const delayMs = previous ? Math.min(previous.delayMs * 2, LAST_RETRY_MS) : FIRST_RETRY_MS;
    this.refusals.set(uid, { until: Date.now() + delayMs, delayMs, message });
    if (previous?.message !== message) await this.event(claim, "Warning", reason, message);
  }

  private async event(claim: V1PersistentVolumeClaim, type: EventType, reason: string, message: string) {
    const body = claimEvent(claim, type, reason, message);
    await this.core.createNamespacedEvent({ namespace: body.metadata.namespace ?? "default", body });
  }
}

function nameOf(claim: V1PersistentVolumeClaim): { name: string; namespace: string } {
  return { name: claim.metadata?.name ?? "", namespace: claim.metadata?.namespace ?? "default" };
}

const describe = (claim: V1PersistentVolumeClaim): string =>
  `${claim.metadata?.namespace ?? "default"}/${claim.metadata?.name ?? ""}`;

function ignoreConflict(error: unknown): undefined {
  if (!isConflict(error)) throw error;
  return undefined;
}

function ignoreNotFound(error: unknown): undefined {
  if (!isNotFound(error)) throw error;
  return undefined;
}

async function inBatches<T>(
  all: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < all.length; i += size) await Promise.all(all.slice(i, i + size).map(work));
}
