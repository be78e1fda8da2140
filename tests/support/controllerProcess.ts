import { type ChildProcess, spawn } from "child_process";
import * as path from "path";
import { Api, login } from "../controller/helpers";

/*
 * The controller's CLI as a child process (real Kubernetes runtime), for the tests that kill it with
 * SIGKILL and restart it on the same data.
 */

const CLI = path.join(__dirname, "..", "..", "controller", "cli.js");

export interface Launched {
  readonly proc: ChildProcess;
  readonly admin: Api;
}

/** The controller's CLI as a child process on a free port (real Kubernetes), logged in as admin. */
export async function launch(dataDir: string): Promise<Launched> {
  const proc = spawn(process.execPath, [CLI, "--port", "0", "--data", dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`controller did not start: ${output}`)), 120_000);
    proc.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.on("exit", (code) => reject(new Error(`controller exited ${code}: ${output}`)));
  });
  return { proc, admin: await login(new Api(url), "admin", "photon-admin") };
}

export function exited(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null ? resolve(proc.exitCode) : proc.on("exit", resolve),
  );
}
