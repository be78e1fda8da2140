import * as assert from "assert";
import { capacityValueProblem, poolMembersProblem } from "../../../rules/capacity";

describe("rules/capacity", () => {
  const values: [string, boolean][] = [
    ["32", true],
    ["131072", true],
    ["999999999", true],
    ["0", false],
    ["032", false],
    ["-1", false],
    ["1.5", false],
    ["1000000000", false],
    ["many", false],
    ["", false],
  ];
  for (const [raw, ok] of values)
    it(`capacity value ${JSON.stringify(raw)} is ${ok ? "accepted" : "refused"}`, () =>
      assert.strictEqual(
        capacityValueProblem(raw),
        ok ? undefined : "must be a positive whole number of at most 9 digits",
      ));

  const pools: [number, number, string | undefined][] = [
    [1, 0, undefined],
    [0, 0, "must list at least 1 hosts to tolerate 0 failures (2 * failuresToTolerate + 1)"],
    [2, 1, "must list at least 3 hosts to tolerate 1 failures (2 * failuresToTolerate + 1)"],
    [3, 1, undefined],
    [4, 2, "must list at least 5 hosts to tolerate 2 failures (2 * failuresToTolerate + 1)"],
    [7, 3, undefined],
  ];
  for (const [members, ftt, problem] of pools)
    it(`${members} members with failuresToTolerate ${ftt}: ${problem ?? "enough"}`, () =>
      assert.strictEqual(poolMembersProblem(members, ftt), problem));
});
