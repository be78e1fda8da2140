import { type ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { type FaultOptions, startController, type RunningController } from "../../controller";
import type { FaultCounts } from "../../controller/faults";
import { LocalStack } from "../../toolchain/engine";
import { packageRoot } from "../../toolchain/paths";
import { Api, login, tempDir } from "../controller/helpers";

export const ADMIN_PASSWORD = "photon-admin";
/** The ESX root password the chaos program gives its hosts: must never show in plain text in a state. */
export const ESX_PASSWORD = "esx-Chaos-S3cret-7f2c";
export const SECRETS = { "ESX password": ESX_PASSWORD, "photon password": ADMIN_PASSWORD };

/** The controller a scenario runs against: in this process (faults) or a child process (kill -9). */
export interface ChaosController {
  readonly url: string;
  readonly admin: Api;
  /** Faults injected so far, by kind; undefined when the controller injects none or runs elsewhere. */
  injected(): FaultCounts | undefined;
  close(): Promise<void>;
}

/** A controller in this process on port 0, VM-only clusters, with the given faults. */
export async function inProcessController(faults?: FaultOptions): Promise<ChaosController> {
  const dataDir = tempDir();
  const running: RunningController = await startController({ port: 0, dataDir, faults });
  const admin = new Api(running.url, await running.adminToken());
  return {
    url: running.url,
    admin,
    injected: () => running.platform.faults?.injected,
    close: async () => {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const CLI = path.join(__dirname, "..", "..", "controller", "cli.js");

function exited(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once("exit", () => resolve()),
  );
}

/** Starts `photon-controller` (VM-only clusters) and answers once it says where it listens. */
function launch(dataDir: string, port: number): Promise<{ proc: ChildProcess; url: string }> {
  const args = [CLI, "--port", String(port), "--data", dataDir, "--kubernetes", "none"];
  const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`controller did not start: ${out}`)), 60_000);
    proc.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`controller exited ${code}: ${out}`));
    });
  });
}

/** A controller in a child process that can be killed with SIGKILL and restarted on its data and port. */
export class ChildController implements ChaosController {
  private constructor(
    private proc: ChildProcess,
    readonly url: string,
    readonly admin: Api,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<ChildController> {
    const dataDir = tempDir();
    const { proc, url } = await launch(dataDir, 0);
    const admin = await login(new Api(url), "admin", ADMIN_PASSWORD);
    return new ChildController(proc, url, admin, dataDir);
  }

  injected(): undefined {
    return undefined;
  }

  /** SIGKILL: no shutdown hook runs, the SQLite file is left as the kill found it. */
  async kill(): Promise<void> {
    this.proc.kill("SIGKILL");
    await exited(this.proc);
  }

  /** The same data folder and port, so the stacks' endpoint stays right. */
  async restart(): Promise<void> {
    const port = Number(new URL(this.url).port);
    this.proc = (await launch(this.dataDir, port)).proc;
  }

  async close(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill("SIGTERM");
      await exited(this.proc);
    }
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** A stack of examples/chaos pointed at `url`, its tenant named after `prefix`. */
export async function chaosStack(
  url: string,
  prefix: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<LocalStack> {
  const stack = await LocalStack.create(path.join(packageRoot(), "examples", "chaos"), prefix);
  await stack.setConfig("photon:endpoint", url);
  await stack.setConfig("photon:username", "admin");
  await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
  await stack.setConfig("esxPassword", ESX_PASSWORD, true);
  await stack.setConfig("prefix", prefix);
  for (const [key, value] of Object.entries(extra)) await stack.setConfig(key, value);
  return stack;
}

/**
 * How many runs a scenario makes: `short` in `npm test`, `long` under `npm run chaos` (CHAOS_LONG=1),
 * or CHAOS_RUNS; CHAOS_SEED repeats a run (every scenario prints its seed).
 */
export function chaosSettings(short: number, long: number): { runs: number; seed: number } {
  const wanted = Number(process.env["CHAOS_RUNS"] ?? (process.env["CHAOS_LONG"] === "1" ? long : short));
  const seed = Number(process.env["CHAOS_SEED"] ?? 13);
  return {
    runs: Number.isSafeInteger(wanted) && wanted > 0 ? Math.min(wanted, 50) : short,
    seed: Number.isSafeInteger(seed) ? seed : 13,
  };
}

/** mulberry32, so a scenario's kill moments repeat with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
