import { type ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";

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

/** True when nothing listens on `port` of loopback (a restarted cluster asks before taking its old port). */
export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
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

  /**
   * Starts `binary` with its output appended to `logFile` and its pid kept in `<logFile>.pid`. A process a
   * killed controller left running under that pid file (same binary) is killed first, so a restart never
   * finds its port taken or two copies of one component.
   */
  static start(name: string, binary: string, args: readonly string[], logFile: string): ManagedProcess {
    const pidFile = `${logFile}.pid`;
    killStale(pidFile, binary);
    const log = fs.openSync(logFile, "a");
    try {
      // detached: its own process group, so a stop reaches its children too.
      const child = spawn(binary, args, { stdio: ["ignore", log, log], detached: true });
      if (child.pid !== undefined) fs.writeFileSync(pidFile, String(child.pid));
      child.on("exit", () => fs.rmSync(pidFile, { force: true }));
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

/**
 * Kills the process recorded in `pidFile` if it still runs a program named like `binary` (a pid can be
 * reused by another program; the version of the binary may have changed since).
 */
export function killStale(pidFile: string, binary: string): void {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8"));
  } catch {
    return;
  }
  let command = "";
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
  } catch {
    // not running
  }
  if (pid > 1 && command !== "" && path.basename(command) === path.basename(binary)) {
    signal(-pid, "SIGKILL");
    signal(pid, "SIGKILL");
    for (let i = 0; i < 250 && !released(pid); i++) sleepSync(20);
  }
  fs.rmSync(pidFile, { force: true });
}

/**
 * True once a killed process has let go of its files and sockets: it is gone, or a zombie whose threads
 * have all exited (a Go program's leader turns zombie while its other threads still hold its sockets).
 */
function released(pid: number): boolean {
  try {
    const zombie = /^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return zombie && fs.readdirSync(`/proc/${pid}/task`).length <= 1;
  } catch {
    return true;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function signal(target: number, name: NodeJS.Signals): void {
  try {
    process.kill(target, name);
  } catch {
    // already gone
  }
}
