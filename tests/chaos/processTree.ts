import * as fs from "fs";

/** pid -> parent pid of every process this machine shows in /proc. */
function parents(): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: the fields after its last ")" are fixed.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      found.set(Number(entry), ppid);
    } catch {
      // gone between the listing and the read
    }
  }
  return found;
}

/** `root` and every process below it, parents before children. */
export function descendants(root: number, table: ReadonlyMap<number, number> = parents()): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of table) if (ppid === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Kills `root` and everything it started with SIGKILL, as a lost machine would. Pulumi starts its plugins
 * in process groups of their own, so one group kill would miss them: the tree is frozen first (SIGSTOP,
 * until no new process appears, at most 10 rounds), read while parents still link to children, then
 * killed whole. Answers the pids killed.
 */
export function killTree(root: number): number[] {
  let tree: number[] = [];
  for (let round = 0; round < 10; round++) {
    const now = descendants(root);
    if (now.length === tree.length && round > 0) break;
    tree = now;
    for (const pid of tree) signal(pid, "SIGSTOP");
  }
  for (const pid of tree) signal(pid, "SIGKILL");
  signal(-root, "SIGKILL");
  return tree;
}
