import { strict as assert } from "assert";
import { describeFigures, manyStacks } from "../manyStacks";

describe("chaos (load): 8 stacks applied at the same time against one controller", function () {
  it("all converge and are destroyed, no ConcurrentTask reaches a user, nothing left", async function () {
    const figures = await manyStacks(8);
    console.log(
      describeFigures(figures)
        .split("\n")
        .map((l) => `      ${l}`)
        .join("\n"),
    );
    assert.equal(figures.concurrentTaskOutputs, 0);
    assert.deepEqual(figures.applied.duplicates, []);
    assert.deepEqual(figures.applied.orphans, []);
  });
});
