import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { NodeSpec } from "../controller/clusters/runtime";
import { KubernetesRuntime } from "../controller/kube/runtime";

/**
 * How many clusters one machine carries: starts clusters one after another (bounded in count and time),
 * measuring each one's start time and the resident memory of its processes, then a large cluster's
 * node scaling. Prints figures; asserts nothing (the machine is shared and noisy).
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

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-bench-kube-"));
  const runtime = new KubernetesRuntime({ dataDir });
  const started = Date.now();
  const startMs: number[] = [];
  const perClusterMb: number[] = [];
  try {
    let before = new Set(await runtime.pids());
    for (let i = 0; i < CLUSTERS && Date.now() - started < DEADLINE_MS; i++) {
      const t0 = Date.now();
      await runtime.provision(`bench-${i}`, "1.36.3", clusterNodes(`bench-${i}`, WORKERS));
      startMs.push(Date.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 3000)); // let the components settle
      const pids = await runtime.pids();
      perClusterMb.push(sum(pids.filter((p) => !before.has(p) && !isEtcd(p)).map(rssMb)));
      before = new Set(pids);
      console.log(`cluster ${i + 1}: ready in ${startMs[i]} ms, ${perClusterMb[i]?.toFixed(0)} MiB resident`);
    }
    const pids = await runtime.pids();
    const etcdMb = sum(pids.filter(isEtcd).map(rssMb));
    const byComponent = new Map<string, number[]>();
    for (const pid of pids.filter((p) => !isEtcd(p)))
      byComponent.set(comm(pid), [...(byComponent.get(comm(pid)) ?? []), rssMb(pid)]);
    const idleCores =
      (await idleCpu(
        pids.filter((p) => !isEtcd(p)),
        10_000,
      )) / startMs.length;
    const t0 = Date.now();
    await runtime.addNodes("bench-0", clusterNodes("bench-0", LARGE_CLUSTER_NODES).slice(1 + WORKERS));
    const scaleMs = Date.now() - t0;
    const totalMb = os.totalmem() / 2 ** 20;
    const usable = totalMb * 0.8 - etcdMb - 500; // leave 20% and the controller itself
    console.log(
      `\nKubernetes ${"1.36.3"} control plane budget on ${os.cpus().length} cores, ${(totalMb / 1024).toFixed(1)} GiB`,
    );
    console.log(`  clusters measured:              ${startMs.length} (1 master + ${WORKERS} workers each)`);
    console.log(
      `  start time per cluster:         median ${median(startMs)} ms, max ${Math.max(...startMs)} ms`,
    );
    console.log(`  memory per cluster (RSS):       median ${median(perClusterMb).toFixed(0)} MiB`);
    for (const [name, values] of byComponent)
      console.log(`    ${name.padEnd(30)}median ${median(values).toFixed(0)} MiB`);
    console.log(`  idle CPU per cluster:           ${(idleCores * 100).toFixed(1)}% of one core`);
    console.log(`  shared etcd (RSS):              ${etcdMb.toFixed(0)} MiB`);
    console.log(
      `  nodes ${1 + WORKERS} -> ${1 + LARGE_CLUSTER_NODES} in one cluster: Ready in ${scaleMs} ms`,
    );
    console.log(`  clusters per machine (memory):  about ${Math.floor(usable / median(perClusterMb))}`);
    console.log(
      `  clusters per machine (idle CPU, 80% of ${os.cpus().length} cores): about ${Math.floor((os.cpus().length * 0.8) / idleCores)}`,
    );
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
  console.error(error);
  process.exit(1);
});
