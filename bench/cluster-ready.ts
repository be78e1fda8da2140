/**
 * What the provider's polling and waiting add to a cluster create: the time of a `pulumi up` that makes
 * one KubernetesCluster (bench/fixtures/cluster with config cluster=true, its host, tenant and project
 * made beforehand) against the controller's own time to make it READY, the start to the end of its
 * CREATE_CLUSTER task (GET /v1/services/{id}/tasks: startedTime, endTime), in the same run. The CLI's
 * fixed cost, a `pulumi up` of the same stack with nothing to change, is measured in the same run too and
 * subtracted; the fairest figure is the cluster's create step as the CLI times it (provider only: its
 * POST, task polling, node-readiness wait and outputs). Real control planes (toolchain binaries); prints
 * figures, asserts nothing. `npm run bench` runs it after provider-footprint.
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
  readonly queuedTime?: number;
  readonly startedTime?: number;
  readonly endTime?: number;
}

/** The controller's CREATE_CLUSTER task (epoch ms, the same clock as the bench's). */
interface TaskSpan {
  readonly queued: number;
  readonly started: number;
  readonly ended: number;
}

interface Run {
  /** `pulumi up` that creates the cluster, start to exit (the cluster is READY and every node Ready). */
  readonly upMs: number;
  /** `pulumi up` of the same stack with nothing to change: the CLI, program and diffs. */
  readonly emptyUpMs: number;
  /** The cluster's create step as the CLI reports it ("k8s created (23.4s)"): no program, no engine start. */
  readonly stepMs: number;
  /** The controller's CREATE_CLUSTER task, start to end. */
  readonly taskMs: number;
  /** From the start of `pulumi up` to the POST that made the task (program, engine, provider start). */
  readonly beforeTaskMs: number;
  /** From the end of the task to the end of `pulumi up` (the provider's waits and outputs, the engine's end). */
  readonly afterTaskMs: number;
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

/** The CLI's own time of the cluster's create step, from its progress line. */
function stepMs(stdout: string): number {
  const match = /KubernetesCluster k8s created \((\d+(?:\.\d+)?)(m?s)\)/.exec(stdout);
  if (!match) throw new Error(`no create time of the cluster in the CLI output:\n${stdout}`);
  return Number(match[1]) * (match[2] === "ms" ? 1 : 1000);
}

async function createTask(kc: KubeController, clusterId: string): Promise<TaskSpan> {
  const tasks = await kc.api.list<TaskTimes>(`/v1/services/${clusterId}/tasks`);
  const t = tasks.find((x) => x.operation === "CREATE_CLUSTER" && x.state === "COMPLETED");
  if (t?.queuedTime === undefined || t.startedTime === undefined || t.endTime === undefined)
    throw new Error(`no completed CREATE_CLUSTER task of ${clusterId}: ${JSON.stringify(tasks)}`);
  return { queued: t.queuedTime, started: t.startedTime, ended: t.endTime };
}

async function measure(kc: KubeController, stack: LocalStack): Promise<Run> {
  await stack.setConfig("cluster", "false");
  await stack.up(); // the cluster of an earlier run goes; the stack is as the empty `up` finds it
  const emptyUpMs = median([await timed(() => stack.up()), await timed(() => stack.up())]);
  await stack.setConfig("cluster", "true");
  let stdout = "";
  const upStart = Date.now();
  const upMs = await timed(async () => (stdout = (await stack.up()).stdout));
  const upEnd = Date.now();
  const clusterId = String((await stack.outputs()).clusterId);
  await kc.remember();
  const task = await createTask(kc, clusterId);
  return {
    upMs,
    emptyUpMs,
    stepMs: stepMs(stdout),
    taskMs: task.ended - task.started,
    beforeTaskMs: task.queued - upStart,
    afterTaskMs: upEnd - task.ended,
  };
}

function report(runs: Run[]): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const columns = ["up", "empty up", "step", "task", "before", "after"].map((c) => c.padStart(9)).join(" ");
  console.log("before/after: up start to the task's POST, the task's end to the up's end");
  console.log(`${"run".padEnd(4)} ${columns}`);
  runs.forEach((r, i) => {
    const cells = [r.upMs, r.emptyUpMs, r.stepMs, r.taskMs, r.beforeTaskMs, r.afterTaskMs]
      .map((ms) => s(ms).padStart(9))
      .join(" ");
    console.log(`${String(i + 1).padEnd(4)} ${cells}`);
  });
  const up = median(runs.map((r) => r.upMs));
  const empty = median(runs.map((r) => r.emptyUpMs));
  const step = median(runs.map((r) => r.stepMs));
  const task = median(runs.map((r) => r.taskMs));
  console.log(
    `cluster ready: pulumi up ${s(up)} (the CLI's fixed cost, an empty up, ${s(empty)}); ` +
      `the cluster's create step ${s(step)}; the controller's CREATE_CLUSTER task ${s(task)}`,
  );
  const ratio = (what: string, value: number) => console.log(`ratio ${what}: ${value.toFixed(3)}`);
  ratio(
    "create step / controller task (what the provider's polling and waiting add; aim <= 1.05)",
    step / task,
  );
  ratio(
    "(pulumi up - empty up) / controller task (the same, with the CLI's run-to-run noise)",
    (up - empty) / task,
  );
  ratio("pulumi up / controller task (as the user waits, CLI start-up included)", up / task);
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
