import * as assert from "assert";
import { atLeastProblem, cutText, oneOfProblem, quoted, shownPlain, unquoted } from "../../../rules/wording";

describe("rules/wording: how both sides show a value", () => {
  const table: Array<[string, unknown, string | undefined]> = [
    ["a short string", "GPU", '"GPU"'],
    ["an empty string stays visible", "", '""'],
    ["NUL and control characters escaped", "a\u0000b\n", '"a\\u0000b\\n"'],
    ["a long string cut, its length said", "x".repeat(100), `"${"x".repeat(64)}"... (100 characters)`],
    ["escapes count towards the cut", "\u0000".repeat(20), `"${"\\u0000".repeat(10)}"... (20 characters)`],
    ["NaN as NaN, not null", NaN, "NaN"],
    ["-Infinity", -Infinity, "-Infinity"],
    ["a number", -1, "-1"],
    ["null", null, "null"],
    ["a boolean", false, "false"],
    ["a short list of plain values, as JSON", ["1", 2, null], '["1",2,null]'],
    ["an empty list", [], "[]"],
    ["a list holding a list is not plain", [[]], undefined],
    ["a long list is not plain", Array.from({ length: 100 }, () => "80"), undefined],
    ["an object is not plain", { a: 1 }, undefined],
    ["an object without prototype is not plain", Object.create(null), undefined],
  ];
  for (const [name, value, text] of table)
    it(`shownPlain: ${name}`, () => assert.strictEqual(shownPlain(value), text));

  it("quoted and unquoted: escaped and cut the same way", () => {
    assert.strictEqual(quoted("10.0.0.1/8"), '"10.0.0.1/8"');
    assert.strictEqual(unquoted("10.0.0.1/8"), "10.0.0.1/8");
    assert.strictEqual(unquoted("a\u0000"), "a\\u0000");
    assert.deepStrictEqual(cutText("a".repeat(1 << 20)), {
      head: "a".repeat(64),
      tail: "... (1048576 characters)",
    });
  });

  it("the generic problems", () => {
    assert.strictEqual(oneOfProblem(["ALLOW", "DENY"]), "must be one of ALLOW, DENY");
    assert.strictEqual(atLeastProblem(0, false), "must be a number of at least 0");
    assert.strictEqual(atLeastProblem(1, true), "must be a whole number of at least 1");
  });
});
