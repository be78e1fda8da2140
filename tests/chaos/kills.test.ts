import type { CommandResult, LocalStack } from "../../toolchain/engine";
import {
  assertClean,
  assertConverged,
  assertNoConcurrentTask,
  type Command,
  drawPlan,
  killDuring,
  printScenario,
  recover,
} from "./scenarios";
import { type ChaosController, chaosSettings, chaosStack, inProcessController, seeded } from "./world";

/** Adds which run and kill a failure followed to its message. */
async function withContext<T>(context: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Error) e.message = `after ${context}: ${e.message}`;
    throw e;
  }
}

/** Resource operations of the chaos program: the stack itself and its 8 resources. */
const OPERATIONS = 9;

describe("chaos (b): pulumi up / destroy killed with SIGKILL (the whole process tree)", function () {
  const { runs, seed } = chaosSettings(2, 10);
  let ctl: ChaosController | undefined;
  let stack: LocalStack | undefined;
  after(async function () {
    await stack?.destroy([], { allowFailure: true });
    await stack?.dispose();
    await ctl?.close();
  });

  it(`${runs} runs (seed ${seed}): after each kill, cancel + refresh --clear-pending-creates + up converges`, async function () {
    const controller = (ctl = await inProcessController());
    stack = await chaosStack(controller.url, "kills");
    const live = stack;
    const random = seeded(seed);
    const outputs: CommandResult[] = [];
    let kills = 0;
    let restoredCheckpoints = 0;
    let duplicates = 0;
    let orphans = 0;
    const plans: string[] = [];
    for (let run = 0; run < runs; run++) {
      const killUp = run % 2 === 0;
      // An up is killed from an empty stack (creates), a destroy from a full one (deletes).
      if (killUp && run > 0) outputs.push(await live.destroy());
      const command: Command = killUp ? (o) => live.up([], o) : (o) => live.destroy([], o);
      const plan = drawPlan(random, OPERATIONS);
      const { killed, result } = await killDuring(command, plan);
      kills += killed ? 1 : 0;
      plans.push(
        `${killUp ? "up" : "destroy"}@${plan.afterOperations}+${plan.delayMs}ms${killed ? "" : "(finished)"}`,
      );
      outputs.push(result);
      const report = await withContext(`run ${run + 1}: ${plans[run] ?? ""}`, async () => {
        const { outputs: recovery, restored } = await recover(live);
        outputs.push(...recovery);
        restoredCheckpoints += restored ? 1 : 0;
        return assertClean(controller, [live]);
      });
      console.log(
        `      chaos kills run ${run + 1}/${runs}: ${plans[run] ?? ""}, recovered, ${report.objects} objects`,
      );
      duplicates += report.duplicates.length;
      orphans += report.orphans.length;
    }
    outputs.push(await assertConverged(live));
    outputs.push(await live.destroy());
    const end = await assertClean(controller, [live], { empty: true });
    assertNoConcurrentTask(outputs);
    printScenario("kills", {
      seed,
      runs,
      kills,
      plans: plans.join(","),
      restoredCheckpoints,
      duplicates: duplicates + end.duplicates.length,
      orphans: orphans + end.orphans.length,
    });
  });
});
