import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";

/** A free TCP port on loopback, as the kernel hands it out. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port assigned"));
      });
    });
  });
}

export class ProcessExitedError extends Error {
  constructor(
    readonly processName: string,
    readonly code: number | null,
    readonly logTail: string,
  ) {
    super(`${processName} exited with ${code} before it was ready; last log lines:\n${logTail}`);
    this.name = "ProcessExitedError";
  }
}

/** A child process whose output goes to a log file and that is stopped (TERM, then KILL) on demand. */
export class ManagedProcess {
  private exited = false;
  private readonly exit: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly logFile: string,
    private readonly child: ChildProcess,
  ) {
    this.exit = new Promise((resolve) => {
      child.on("exit", (code) => {
        this.exited = true;
        resolve(code);
      });
    });
  }

  static start(name: string, binary: string, args: readonly string[], logFile: string): ManagedProcess {
    const log = fs.openSync(logFile, "a");
    try {
      // detached: its own process group, so a stop reaches its children too.
      const child = spawn(binary, args, { stdio: ["ignore", log, log], detached: true });
      return new ManagedProcess(name, logFile, child);
    } finally {
      fs.closeSync(log);
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.exited;
  }

  logTail(lines = 30): string {
    try {
      return fs.readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }

  /** Resolves when `probe` answers true; rejects if the process exits first or the deadline passes. */
  async waitUntil(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new ProcessExitedError(this.name, await this.exit, this.logTail());
      if (await probe().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms; last log lines:\n${this.logTail()}`);
  }

  /** Stops the process group: TERM, then KILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited || this.child.pid === undefined) return;
    const group = -this.child.pid;
    signal(group, "SIGTERM");
    const timer = setTimeout(() => signal(group, "SIGKILL"), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // already gone
  }
}
