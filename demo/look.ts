import { execFile } from "child_process";
import * as fs from "fs";
import type { PhotonClient } from "../provider/client";

/**
 * Writes the cluster's kubeconfig where only its owner can read it (it holds the cluster's admin
 * credentials), as a user would keep it, and answers the file.
 */
export function writeKubeconfig(file: string, kubeconfig: string): string {
  fs.writeFileSync(file, kubeconfig, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // the mode above is ignored when the file already exists
  return file;
}

/** Runs the toolchain's kubectl on the kubeconfig, prints its output and answers it. */
export function kubectl(
  binary: string,
  kubeconfig: string,
  args: readonly string[],
  out: NodeJS.WritableStream,
): Promise<string> {
  out.write(`$ kubectl ${args.join(" ")}\n`);
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      ["--kubeconfig", kubeconfig, "--request-timeout", "30s", ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        out.write(stdout + stderr);
        if (error) reject(new Error(`kubectl ${args.join(" ")} failed: ${stderr.trim() || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

interface PoolView {
  readonly name: string;
  readonly state: string;
  readonly capacityGb: number;
  readonly usedGb: number;
  readonly failuresToTolerate: number;
}

/** `vsan-1a2b  READY  used 160 of 1024 GB (15.6 %), survives 1 host failure` */
export function poolUsageLine(pool: PoolView): string {
  const share = pool.capacityGb > 0 ? ((100 * pool.usedGb) / pool.capacityGb).toFixed(1) : "0.0";
  const failures = `${pool.failuresToTolerate} host failure${pool.failuresToTolerate === 1 ? "" : "s"}`;
  return `${pool.name}  ${pool.state}  used ${pool.usedGb} of ${pool.capacityGb} GB (${share} %), survives ${failures}`;
}

/** Pool usage as the Photon API reports it now (stack outputs hold it as of the pool's last read). */
export async function printPoolUsage(api: PhotonClient, out: NodeJS.WritableStream): Promise<void> {
  out.write("$ GET /v1/infrastructure/storage-pools\n");
  for (const pool of await api.list<PoolView>("/v1/infrastructure/storage-pools"))
    out.write(`${poolUsageLine(pool)}\n`);
}

/** What is still on the controller after a destroy, by kind; empty when nothing is. */
export async function leftovers(api: PhotonClient): Promise<string[]> {
  const found: string[] = [];
  for (const [kind, path] of [
    ["tenants", "/v1/tenants"],
    ["hosts", "/v1/infrastructure/hosts"],
    ["storage pools", "/v1/infrastructure/storage-pools"],
  ] as const) {
    const count = (await api.list<unknown>(path)).length;
    if (count > 0) found.push(`${count} ${kind}`);
  }
  return found;
}

/** The pids among `pids` still running; a zombie (exited, not yet reaped) counts as gone. */
export function stillRunning(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    } catch {
      return false;
    }
  });
}
