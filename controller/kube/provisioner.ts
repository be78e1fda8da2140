import * as fs from "fs";
import { CoreV1Api, KubeConfig, StorageV1Api, Watch } from "@kubernetes/client-node";
import type { VolumeBackend } from "../volumes/backend";
import { ProvisionerSync } from "./provisionerSync";

/** A full pass at least this often, even when no watch event came (a watch can end silently). */
const RESYNC_MS = 10_000;
/** A watch that ended is opened again after this long. */
const REWATCH_MS = 1_000;
/** A pass that failed (API not answering yet, a conflict) is tried again after this long. */
const RETRY_MS = 1_000;

/**
 * The volume provisioner of one cluster, run by the controller beside its control plane: it watches the
 * cluster's PersistentVolumeClaims and PersistentVolumes and runs a level-triggered pass (ProvisionerSync)
 * after every event and at least every RESYNC_MS. The watches only wake the loop (no resourceVersion is
 * kept: each pass lists again), so a missed event or a watch that breaks costs a resync, never a volume.
 */
export class VolumeProvisioner {
  private stopped = false;
  private wake: (() => void) | undefined;
  private kicked = false;
  private readonly watches = new Set<AbortController>();
  private readonly loop: Promise<void>;

  private constructor(
    private readonly config: KubeConfig,
    private readonly sync: ProvisionerSync,
    private readonly logFile: string,
  ) {
    for (const path of ["/api/v1/persistentvolumeclaims", "/api/v1/persistentvolumes"]) this.watch(path);
    this.loop = this.run();
  }

  static start(
    clusterId: string,
    kubeconfig: string,
    backend: VolumeBackend,
    logFile: string,
  ): VolumeProvisioner {
    const config = new KubeConfig();
    config.loadFromString(kubeconfig);
    const sync = new ProvisionerSync(
      clusterId,
      config.makeApiClient(CoreV1Api),
      config.makeApiClient(StorageV1Api),
      backend,
    );
    return new VolumeProvisioner(config, sync, logFile);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.watches) w.abort();
    this.watches.clear();
    this.kick();
    await this.loop;
  }

  private kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.kicked = false;
      let delayMs = RESYNC_MS;
      try {
        await this.sync.pass();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.log(`pass failed: ${message.slice(0, 600)}`);
        delayMs = RETRY_MS;
      }
      if (!this.kicked) await this.sleep(delayMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** Watches `path` from now on, kicking a pass on every event; opened again after it ends. */
  private watch(path: string): void {
    if (this.stopped) return;
    let opened: AbortController | undefined;
    const again = () => {
      if (opened) this.watches.delete(opened);
      if (!this.stopped) setTimeout(() => this.watch(path), REWATCH_MS).unref();
    };
    new Watch(this.config)
      .watch(path, {}, () => this.kick(), again)
      .then((controller) => {
        opened = controller;
        if (this.stopped) controller.abort();
        else this.watches.add(controller);
      })
      .catch(again);
  }

  private log(line: string): void {
    try {
      fs.appendFileSync(this.logFile, `${new Date().toISOString()} ${line}\n`);
    } catch {
      // The log is for people reading it later; the loop goes on without it.
    }
  }
}
