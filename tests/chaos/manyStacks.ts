import type { CommandResult, LocalStack } from "../../toolchain/engine";
import type { AuditReport } from "./audit";
import { assertClean } from "./scenarios";
import { type ChaosController, chaosStack, inProcessController } from "./world";

/** Capacity for every stack's cluster: the platform team's hosts, added once by the admin. */
const SHARED_HOSTS = 4;

export interface ManyStacksFigures {
  readonly stacks: number;
  /** One stack alone, up then destroy, in this run. */
  readonly oneUpMs: number;
  readonly oneDestroyMs: number;
  /** All stacks at the same time. */
  readonly concurrentUpMs: number;
  readonly concurrentDestroyMs: number;
  /** (concurrent up + destroy) / (stacks x one stack's up + destroy): under 1 means they overlap. */
  readonly ratio: number;
  /** CLI outputs that showed `ConcurrentTask` (must be 0). */
  readonly concurrentTaskOutputs: number;
  readonly applied: AuditReport;
  readonly destroyed: AuditReport;
}

/** The hosts and the pool every stack shares, made as admin; answers their ids. */
async function sharedCapacity(ctl: ChaosController): Promise<{ ids: string[]; poolId: string }> {
  const hostIds: string[] = [];
  for (let n = 1; n <= SHARED_HOSTS; n++) {
    const task = await ctl.admin.post("/v1/infrastructure/hosts", {
      address: `10.50.0.${n}`,
      username: "root",
      password: "shared-host-pw",
      usageTags: ["CLOUD"],
      metadata: { cpuCount: "64", memoryMb: "262144", datastoreGb: "4096" },
    });
    hostIds.push(await ctl.admin.done(Promise.resolve(task)));
  }
  const poolId = await ctl.admin.done(
    ctl.admin.post("/v1/infrastructure/storage-pools", { name: "shared-vsan", hostIds, capacityGb: 4096 }),
  );
  return { ids: [...hostIds, poolId], poolId };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Every command to its end, then the first failure if any (no stack left running behind a rejection). */
async function all(commands: readonly Promise<CommandResult>[]): Promise<CommandResult[]> {
  const settled = await Promise.allSettled(commands);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<CommandResult>).value);
}

const sawConcurrentTask = (results: readonly CommandResult[]): number =>
  results.filter((r) => /ConcurrentTask/.test(r.stdout + r.stderr)).length;

/**
 * `count` stacks of examples/chaos (each its own tenant, project, network and cluster, on shared hosts
 * and pool) applied at the same time against one controller, then destroyed at the same time; one stack
 * alone is timed first in the same run. Asserts the audit after each phase; answers the figures.
 */
export async function manyStacks(count: number): Promise<ManyStacksFigures> {
  const ctl = await inProcessController();
  const stacks: LocalStack[] = [];
  try {
    const shared = await sharedCapacity(ctl);
    const config = { sharedHosts: "true", storagePoolId: shared.poolId };
    const prefixes = ["solo", ...Array.from({ length: count }, (_, i) => `stack${i + 1}`)];
    stacks.push(...(await Promise.all(prefixes.map((p) => chaosStack(ctl.url, p, config)))));
    const [solo, ...many] = stacks as [LocalStack, ...LocalStack[]];
    const oneUp = await timed(() => solo.up());
    const oneDestroy = await timed(() => solo.destroy());
    const up = await timed(() => all(many.map((s) => s.up())));
    const applied = await assertClean(ctl, many, { madeByTest: shared.ids });
    const destroy = await timed(() => all(many.map((s) => s.destroy())));
    const destroyed = await assertClean(ctl, stacks, { empty: true, madeByTest: shared.ids });
    return {
      stacks: count,
      oneUpMs: oneUp.ms,
      oneDestroyMs: oneDestroy.ms,
      concurrentUpMs: up.ms,
      concurrentDestroyMs: destroy.ms,
      ratio: (up.ms + destroy.ms) / (count * (oneUp.ms + oneDestroy.ms)),
      concurrentTaskOutputs: sawConcurrentTask([
        oneUp.value,
        oneDestroy.value,
        ...up.value,
        ...destroy.value,
      ]),
      applied,
      destroyed,
    };
  } finally {
    await Promise.all(stacks.map((s) => s.destroy([], { allowFailure: true }).then(() => s.dispose())));
    await ctl.close();
  }
}

/** The figures in a few lines, as the bench and the test print them. */
export function describeFigures(f: ManyStacksFigures): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const serial = f.stacks * (f.oneUpMs + f.oneDestroyMs);
  return [
    `one stack alone: up ${s(f.oneUpMs)}, destroy ${s(f.oneDestroyMs)}`,
    `${f.stacks} stacks at once: up ${s(f.concurrentUpMs)}, destroy ${s(f.concurrentDestroyMs)}`,
    `${f.stacks} at once / ${f.stacks} x one: ${s(f.concurrentUpMs + f.concurrentDestroyMs)} / ${s(serial)} = ${f.ratio.toFixed(2)}`,
    `objects after up ${f.applied.objects}, duplicates ${f.applied.duplicates.length}, orphans ${f.applied.orphans.length}, ConcurrentTask in outputs ${f.concurrentTaskOutputs}`,
  ].join("\n");
}
