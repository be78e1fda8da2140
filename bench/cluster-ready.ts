/**
 * What the provider's polling and waiting add to a cluster create: the time of a `pulumi up` that makes
 * one KubernetesCluster (bench/fixtures/cluster with config cluster=true, its host, tenant and project
 * made beforehand) against the controller's own time to make it READY, the start to the end of its
 * CREATE_CLUSTER task (GET /v1/services/{id}/tasks: startedTime, endTime), in the same run. The CLI's
 * fixed cost, a `pulumi up` of the same stack with nothing to change, is measured in the same run too and
 * subtracted for the fair ratio. Real control planes (toolchain binaries); prints figures, asserts nothing.
 *   BENCH_CLUSTER_RUNS (default 2): cluster creates measured (each one is deleted again)
 */
import * as path from "path";
import { LocalStack } from "../toolchain/engine";
import { packageRoot } from "../toolchain/paths";
import { type KubeController, startKubeController } from "../tests/support/kubeController";

const RUNS = Number(process.env.BENCH_CLUSTER_RUNS ?? 2);

interface TaskTimes {
  readonly operation: string;
  readonly state: string;
  readonly startedTime?: number;
  readonly endTime?: number;
}

interface Run {
  /** `pulumi up` that creates the cluster, start to exit (the cluster is READY and every node Ready). */
  readonly upMs: number;
  /** `pulumi up` of the same stack with nothing to change: the CLI, program and diffs. */
  readonly emptyUpMs: number;
  /** The controller's CREATE_CLUSTER task, start to end. */
  readonly taskMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function createTaskMs(kc: KubeController, clusterId: string): Promise<number> {
  const tasks = await kc.api.list<TaskTimes>(`/v1/services/${clusterId}/tasks`);
  const create = tasks.find((t) => t.operation === "CREATE_CLUSTER" && t.state === "COMPLETED");
  if (create?.startedTime === undefined || create.endTime === undefined)
    throw new Error(`no completed CREATE_CLUSTER task of ${clusterId}: ${JSON.stringify(tasks)}`);
  return create.endTime - create.startedTime;
}

async function measure(kc: KubeController, stack: LocalStack): Promise<Run> {
  await stack.setConfig("cluster", "false");
  await stack.up(); // the cluster of an earlier run goes; the stack is as the empty `up` finds it
  const emptyUpMs = median([await timed(() => stack.up()), await timed(() => stack.up())]);
  await stack.setConfig("cluster", "true");
  const upMs = await timed(() => stack.up());
  const clusterId = String((await stack.outputs()).clusterId);
  await kc.remember();
  return { upMs, emptyUpMs, taskMs: await createTaskMs(kc, clusterId) };
}

function report(runs: Run[]): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`${"run".padEnd(4)} ${"up".padStart(9)} ${"empty up".padStart(9)} ${"task".padStart(9)}`);
  runs.forEach((r, i) =>
    console.log(
      `${String(i + 1).padEnd(4)} ${s(r.upMs).padStart(9)} ${s(r.emptyUpMs).padStart(9)} ${s(r.taskMs).padStart(9)}`,
    ),
  );
  const up = median(runs.map((r) => r.upMs));
  const empty = median(runs.map((r) => r.emptyUpMs));
  const task = median(runs.map((r) => r.taskMs));
  console.log(
    `cluster ready: pulumi up ${s(up)}, of it the CLI's fixed cost (an empty up) ${s(empty)}; controller task ${s(task)}`,
  );
  console.log(
    `ratio (pulumi up - empty up) / controller task, what the provider's waiting adds: ${((up - empty) / task).toFixed(3)}`,
  );
  console.log(`ratio pulumi up / controller task, as the user sees it: ${(up / task).toFixed(3)}`);
}

async function main(): Promise<void> {
  const kc = await startKubeController("photon-bench-cluster");
  let stack: LocalStack | undefined;
  try {
    stack = await LocalStack.create(
      path.join(packageRoot(), "bench", "fixtures", "cluster"),
      `bench-${process.pid}`,
    );
    await stack.setConfig("photon:endpoint", kc.ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", "photon-admin", true);
    await stack.setConfig("esxPassword", "bench-Esx-Secret-1", true);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(kc, stack));
    await stack.destroy();
    report(runs);
  } finally {
    await stack?.dispose();
    await kc.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
