import * as fs from "fs";

/**
 * True while a process with this pid runs. A zombie (exited, not yet reaped by its new parent: this
 * sandbox's init reaps late) counts as gone.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

/** The pids among `pids` that are still running. */
export function survivors(pids: readonly number[]): number[] {
  return pids.filter(processAlive);
}
