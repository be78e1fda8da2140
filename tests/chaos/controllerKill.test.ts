import type { CommandResult, LocalStack } from "../../toolchain/engine";
import {
  assertClean,
  assertConverged,
  assertNoConcurrentTask,
  drawPlan,
  operationsStarted,
  printScenario,
} from "./scenarios";
import { chaosSettings, chaosStack, ChildController, seeded } from "./world";

const OPERATIONS = 9;

/** The first error the user read, to judge whether it said what happened. */
function firstError(result: CommandResult): string {
  const listed = /^\s+\* (.+)/m.exec(result.stdout)?.[1];
  return (listed ?? /error: (.*)/.exec(result.stdout)?.[1] ?? result.stderr.slice(0, 200)).slice(0, 400);
}

describe("chaos (c): the controller killed with SIGKILL during pulumi up, restarted on its data", function () {
  const { runs, seed } = chaosSettings(1, 3);
  let ctl: ChildController | undefined;
  let stack: LocalStack | undefined;
  afterEach(async function () {
    await stack?.destroy([], { allowFailure: true });
    await stack?.dispose();
    await ctl?.close();
    stack = ctl = undefined;
  });

  for (let run = 0; run < runs; run++) {
    it(`run ${run + 1}/${runs} (seed ${seed + run}): the next pulumi up converges, destroy leaves nothing`, async function () {
      const random = seeded(seed + run);
      const plan = drawPlan(random, OPERATIONS);
      const controller = (ctl = await ChildController.start());
      stack = await chaosStack(controller.url, `ctlkill${run}`);
      let restarted: Promise<void> | undefined;
      let killed = false;
      const first = await stack.up([], {
        allowFailure: true,
        onOutput: (soFar) => {
          if (restarted || operationsStarted(soFar) < plan.afterOperations) return;
          restarted = (async () => {
            await new Promise((r) => setTimeout(r, plan.delayMs));
            await controller.kill();
            killed = true;
            await new Promise((r) => setTimeout(r, 500));
            await controller.restart();
          })();
        },
      });
      await restarted;
      // What a user does when `pulumi up` failed because the platform went away: run it again.
      const outputs: CommandResult[] = [first, await stack.up()];
      outputs.push(await assertConverged(stack));
      const applied = await assertClean(controller, [stack]);
      outputs.push(await stack.destroy());
      const destroyed = await assertClean(controller, [stack], { empty: true });
      assertNoConcurrentTask(outputs);
      printScenario("controller-kill", {
        run: run + 1,
        seed: seed + run,
        kills: killed ? 1 : 0,
        killAt: `${plan.afterOperations}+${plan.delayMs}ms`,
        firstUp: first.code === 0 ? "succeeded" : `failed: ${firstError(first)}`,
        duplicates: applied.duplicates.length + destroyed.duplicates.length,
        orphans: applied.orphans.length + destroyed.orphans.length,
      });
    });
  }
});
