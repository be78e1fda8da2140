import * as assert from "assert";
import { bare, entryPath, fieldPath, firstDuplicate, shown } from "../../../../provider/resources/wording";

describe("how failures quote values and write paths", () => {
  // Plain values are shown as the rules show them (tests/unit/rules/wording.test.ts), as the server does.
  const table: Array<[string, unknown, string]> = [
    ["a string, as the rules show it", "GPU", '"GPU"'],
    ["a short list of plain values, as the rules show it", [1, 2], "[1,2]"],
    ["a nested list by its length", [[1], 2], "a list of 2"],
    ["a long list by its length", Array.from({ length: 100 }, () => 1), "a list of 100"],
    ["an object without prototype", Object.create(null), "an object"],
    ["an object with a toString that is not a function", { toString: 1 }, "an object"],
  ];
  for (const [name, value, text] of table) it(`shown: ${name}`, () => assert.strictEqual(shown(value), text));

  it("bare: a string without quotes, escaped and cut the same way", () => {
    assert.strictEqual(bare("10.0.0.1/8"), "10.0.0.1/8");
    assert.strictEqual(bare("a\u0000"), "a\\u0000");
    assert.strictEqual(bare(4), "4");
  });

  it("paths: identifiers as fields, other keys quoted; map entries always quoted", () => {
    assert.strictEqual(fieldPath("", "name"), "name");
    assert.strictEqual(fieldPath("", ""), '[""]');
    assert.strictEqual(fieldPath("timeouts", "a.b"), 'timeouts["a.b"]');
    assert.strictEqual(fieldPath("securityPolicy.rules[0]", "ports"), "securityPolicy.rules[0].ports");
    assert.strictEqual(entryPath("quota", "vm"), 'quota["vm"]');
    assert.strictEqual(entryPath("metadata", 'x"]'), 'metadata["x\\"]"]');
  });

  it("firstDuplicate: NaN equals NaN, a single NaN is no duplicate", () => {
    assert.deepStrictEqual(firstDuplicate([NaN]), undefined);
    assert.deepStrictEqual(firstDuplicate(["a", NaN, NaN]), { value: NaN });
    assert.deepStrictEqual(firstDuplicate(["a", "b"]), undefined);
  });
});
