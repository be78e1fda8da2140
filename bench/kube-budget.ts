import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { NodeSpec } from "../controller/clusters/runtime";
import { KubernetesRuntime } from "../controller/kube/runtime";
import { kubernetesBinaries, ToolchainMissingError } from "../toolchain/binaries";

/**
 * How many clusters one machine carries: starts clusters one after another (bounded in count and time),
 * measuring each one's start time and the resident memory of its processes, then a large cluster's
 * node scaling. Prints figures; asserts nothing (the machine is shared and noisy). Run with
 * `npm run bench:kube` (needs the Kubernetes toolchain: `npm run toolchain`).
 *   BENCH_CLUSTERS (default 4), BENCH_WORKERS (workers per cluster, default 3),
 *   BENCH_LARGE_NODES (nodes of the scaled cluster, default 100), BENCH_DEADLINE_MS (default 10 minutes)
 */
const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 4);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3);
const LARGE_CLUSTER_NODES = Number(process.env.BENCH_LARGE_NODES ?? 100);
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 10 * 60_000);

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function cpuTicks(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime + stime
  } catch {
    return 0;
  }
}

function comm(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

/** Share of one core the processes used over `ms` (clock ticks are 1/100 s on Linux). */
async function idleCpu(pids: readonly number[], ms: number): Promise<number> {
  const before = sum(pids.map(cpuTicks));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (sum(pids.map(cpuTicks)) - before) / 100 / (ms / 1000);
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function clusterNodes(id: string, workers: number): NodeSpec[] {
  const node = (name: string, role: NodeSpec["role"], i: number): NodeSpec => ({
    name: `${id}-${name}`,
    vmId: `${id}-vm-${name}`,
    hostId: `host-${i % 8}`,
    hostAddress: `10.0.0.${i % 8}`,
    zone: "z1",
    role,
  });
  return [
    node("master-0", "master", 0),
    ...Array.from({ length: workers }, (_, i) => node(`worker-${i}`, "worker", i + 1)),
  ];
}

interface Figures {
  readonly startMs: number[];
  readonly perClusterMb: number[];
  readonly byComponentMb: Map<string, number[]>;
  readonly etcdMb: number;
  readonly idleCores: number;
  readonly scaleMs: number;
}

/** Starts clusters one after another, each measured for start time and the memory of its new processes. */
async function startClusters(
  runtime: KubernetesRuntime,
  version: string,
): Promise<Pick<Figures, "startMs" | "perClusterMb">> {
  const started = Date.now();
  const startMs: number[] = [];
  const perClusterMb: number[] = [];
  let before = new Set(await runtime.pids());
  for (let i = 0; i < CLUSTERS && Date.now() - started < DEADLINE_MS; i++) {
    const t0 = Date.now();
    await runtime.provision(`bench-${i}`, version, clusterNodes(`bench-${i}`, WORKERS));
    startMs.push(Date.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // let the components settle
    const pids = await runtime.pids();
    perClusterMb.push(sum(pids.filter((p) => !before.has(p) && !isEtcd(p)).map(rssMb)));
    before = new Set(pids);
    console.log(`cluster ${i + 1}: ready in ${startMs[i]} ms, ${perClusterMb[i]?.toFixed(0)} MiB resident`);
  }
  return { startMs, perClusterMb };
}

async function measure(runtime: KubernetesRuntime, version: string): Promise<Figures> {
  const { startMs, perClusterMb } = await startClusters(runtime, version);
  const pids = await runtime.pids();
  const clusterPids = pids.filter((p) => !isEtcd(p));
  const byComponentMb = new Map<string, number[]>();
  for (const pid of clusterPids)
    byComponentMb.set(comm(pid), [...(byComponentMb.get(comm(pid)) ?? []), rssMb(pid)]);
  const idleCores = (await idleCpu(clusterPids, 10_000)) / startMs.length;
  const t0 = Date.now();
  await runtime.addNodes("bench-0", clusterNodes("bench-0", LARGE_CLUSTER_NODES).slice(1 + WORKERS));
  const scaleMs = Date.now() - t0;
  return {
    startMs,
    perClusterMb,
    byComponentMb,
    etcdMb: sum(pids.filter(isEtcd).map(rssMb)),
    idleCores,
    scaleMs,
  };
}

function report(f: Figures, version: string): void {
  const cores = os.cpus().length;
  const totalMb = os.totalmem() / 2 ** 20;
  const usableMb = totalMb * 0.8 - f.etcdMb - 500; // leave 20% and the controller itself
  const lines = [
    `\nKubernetes ${version} control plane budget on ${cores} cores, ${(totalMb / 1024).toFixed(1)} GiB`,
    `  clusters measured:              ${f.startMs.length} (1 master + ${WORKERS} workers each)`,
    `  start time per cluster:         median ${median(f.startMs)} ms, max ${Math.max(...f.startMs)} ms`,
    `  memory per cluster (RSS):       median ${median(f.perClusterMb).toFixed(0)} MiB`,
    ...[...f.byComponentMb].map(([name, mb]) => `    ${name.padEnd(30)}median ${median(mb).toFixed(0)} MiB`),
    `  idle CPU per cluster:           ${(f.idleCores * 100).toFixed(1)}% of one core`,
    `  shared etcd (RSS):              ${f.etcdMb.toFixed(0)} MiB`,
    `  nodes ${1 + WORKERS} -> ${1 + LARGE_CLUSTER_NODES} in one cluster: Ready in ${f.scaleMs} ms`,
    `  clusters per machine (memory):  about ${Math.floor(usableMb / median(f.perClusterMb))}`,
    `  clusters per machine (idle CPU, 80% of ${cores} cores): about ${Math.floor((cores * 0.8) / f.idleCores)}`,
  ];
  for (const line of lines) console.log(line);
}

async function main(): Promise<void> {
  const version = kubernetesBinaries().version;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-bench-kube-"));
  const runtime = new KubernetesRuntime({ dataDir });
  try {
    report(await measure(runtime, version), version);
  } finally {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function isEtcd(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "etcd";
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  // A missing toolchain is a setup step, not a failure of the bench: its message says what to run.
  console.error(error instanceof ToolchainMissingError ? error.message : error);
  process.exit(1);
});
