/** True while a process with this pid exists (and is not a zombie we reaped). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids among `pids` that are still running. */
export function survivors(pids: readonly number[]): number[] {
  return pids.filter(processAlive);
}
