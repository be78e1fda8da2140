import * as assert from "assert";
import * as fc from "fast-check";
import { NAME_MAX_LENGTH, NAME_PATTERN, nameProblem, securityGroupProblem } from "../../../rules/names";

describe("rules/names", () => {
  const LENGTH = "must be 1 to 63 characters long";
  const CHARACTERS = "must start with a letter and hold only letters, digits and dashes";
  const names: [string, string | undefined][] = [
    ["web", undefined],
    ["a-1", undefined],
    ["a", undefined],
    ["x".repeat(63), undefined],
    ["1web", CHARACTERS],
    ["we_b", CHARACTERS],
    ["has space", CHARACTERS],
    ["-web", CHARACTERS],
    ["wéb", CHARACTERS],
    ["", LENGTH],
    ["a".repeat(64), LENGTH],
    ["1".repeat(64), LENGTH],
  ];
  for (const [name, problem] of names)
    it(`name ${JSON.stringify(name.slice(0, 10))} (${name.length}) -> ${problem ?? "accepted"}`, () =>
      assert.strictEqual(nameProblem(name), problem));

  it("property: the server's schema (pattern and length) accepts exactly the names the rule accepts", () => {
    const pattern = new RegExp(NAME_PATTERN, "u");
    const text = fc.oneof(
      fc.string({ maxLength: 70 }),
      fc.stringMatching(/^[a-zA-Z0-9-]{0,70}$/),
      fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{60,66}$/),
    );
    fc.assert(
      fc.property(text, (name) => {
        const schema = name.length >= 1 && name.length <= NAME_MAX_LENGTH && pattern.test(name);
        assert.strictEqual(schema, nameProblem(name) === undefined, name);
      }),
    );
  });
});

describe("rules/names security groups", () => {
  const groups: [string, boolean][] = [
    ["acme\\devs", true],
    ["photon\\lab-ops", true],
    ["devs", false],
    ["a\\b\\c", false],
    ["\\devs", false],
    ["acme\\", false],
    ["ac me\\devs", false],
    ["acme\\de vs", false],
  ];
  for (const [group, ok] of groups)
    it(`${JSON.stringify(group)} is ${ok ? "accepted" : "refused"}`, () =>
      assert.strictEqual(securityGroupProblem(group), ok ? undefined : "must be written domain\\group"));
});
