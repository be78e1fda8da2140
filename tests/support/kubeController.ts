import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { type FaultOptions, type RunningController, startController } from "../../controller";
import { KubernetesRuntime } from "../../controller/kube/runtime";
import { PhotonClient } from "../../provider/client";
import { survivors } from "./processes";

/*
 * An in-process controller whose clusters are real control planes (KubernetesRuntime on the toolchain's
 * binaries), in its own temporary folder, for the tests and benchmarks that need real Kubernetes.
 */

export interface KubeController {
  readonly dataDir: string;
  readonly runtime: KubernetesRuntime;
  readonly ctl: RunningController;
  /** The admin, outside the provider: what the server really holds. */
  readonly api: PhotonClient;
  /** Every process the runtime has run so far (see `remember`), for the survivor check at close. */
  readonly pids: Set<number>;
  /** Adds the runtime's current processes to `pids` (call it after clusters start or nodes change). */
  remember(): Promise<void>;
  /** Stops the controller, removes its folder; fails when a process it started is still running. */
  close(): Promise<void>;
}

export interface KubeControllerOptions {
  /** Fault injection (and its routes, e.g. POST /v1/infrastructure/hosts/{id}/fail); off unless given. */
  readonly faults?: FaultOptions;
}

export async function startKubeController(
  prefix: string,
  options: KubeControllerOptions = {},
): Promise<KubeController> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
  let ctl: RunningController;
  try {
    ctl = await startController({
      port: 0,
      host: "127.0.0.1",
      dataDir,
      taskStepDelayMs: 0,
      clusterRuntime: runtime,
      ...(options.faults && { faults: options.faults }),
    });
  } catch (e) {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const api = new PhotonClient({ endpoint: ctl.url, token: await ctl.adminToken() });
  const pids = new Set<number>();
  const remember = async () => {
    for (const pid of await runtime.pids()) pids.add(pid);
  };
  return {
    dataDir,
    runtime,
    ctl,
    api,
    pids,
    remember,
    close: async () => {
      await remember();
      await ctl.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      assert.deepEqual(survivors([...pids]), [], "processes left behind");
    },
  };
}
