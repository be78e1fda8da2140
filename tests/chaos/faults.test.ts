import { strict as assert } from "assert";
import type { CommandResult, LocalStack } from "../../toolchain/engine";
import type { FaultCounts } from "../../controller/faults";
import { assertClean, assertConverged, assertNoConcurrentTask, printScenario } from "./scenarios";
import { type ChaosController, chaosSettings, chaosStack, inProcessController } from "./world";

/** 20% of requests fail: 5% each of 503, 429 with Retry-After, connection reset, and (writes) lost answer. */
const TWENTY_PERCENT = {
  unavailableRate: 0.05,
  throttleRate: 0.05,
  resetRate: 0.05,
  lostResponseRate: 0.05,
  retryAfterSeconds: 1,
};

describe("chaos (a): 20% of requests failing under the real CLI", function () {
  const { runs, seed } = chaosSettings(1, 3);
  let ctl: ChaosController | undefined;
  let stack: LocalStack | undefined;
  afterEach(async function () {
    await stack?.destroy([], { allowFailure: true });
    await stack?.dispose();
    await ctl?.close();
    stack = ctl = undefined;
  });

  for (let run = 0; run < runs; run++) {
    it(`run ${run + 1}/${runs} (seed ${seed + run}): up converges, destroy leaves nothing`, async function () {
      ctl = await inProcessController({ ...TWENTY_PERCENT, seed: seed + run });
      stack = await chaosStack(ctl.url, `faults${run}`);
      const outputs: CommandResult[] = [await stack.up()];
      outputs.push(await assertConverged(stack));
      const applied = await assertClean(ctl, [stack]);
      const afterUp = ctl.injected();
      outputs.push(await stack.destroy());
      const destroyed = await assertClean(ctl, [stack], { empty: true });
      assertNoConcurrentTask(outputs);
      const injected = ctl.injected() as FaultCounts;
      const total = Object.values(injected).reduce((a, b) => a + b, 0);
      assert.ok(total > 0 && afterUp !== undefined, "faults were injected");
      printScenario("faults", {
        run: run + 1,
        seed: seed + run,
        objectsAfterUp: applied.objects,
        objectsAfterDestroy: destroyed.objects,
        injected,
        injectedTotal: total,
        duplicates: applied.duplicates.length + destroyed.duplicates.length,
        orphans: applied.orphans.length + destroyed.orphans.length,
      });
    });
  }
});
