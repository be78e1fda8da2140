import * as assert from "assert";
import * as fc from "fast-check";
import { blockSize, formatCidr, overlaps } from "../../../../rules/cidr";
import { overlapFailures } from "../../../../provider/resources/network";

/** The CIDR arithmetic itself is the rules' (tests/unit/rules/cidr.test.ts); this is how check uses it. */
const arbCidr = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }))
  .map(([ip, prefix]) => ({ base: ip - (ip % blockSize(prefix)), prefix }));

describe("network overlap within a program", () => {
  it("names the other resource", () => {
    assert.deepStrictEqual(
      overlapFailures("urn:b", "10.1.0.0/24", [{ identity: "urn:a", cidr: "10.1.0.0/16" }]),
      [{ property: "cidr", reason: "overlaps 10.1.0.0/16 of urn:a in the same project" }],
    );
  });

  it("ignores itself and disjoint ranges", () => {
    assert.deepStrictEqual(
      overlapFailures("urn:a", "10.1.0.0/16", [
        { identity: "urn:a", cidr: "10.1.0.0/16" },
        { identity: "urn:c", cidr: "10.2.0.0/16" },
      ]),
      [],
    );
  });

  it("never reports disjoint blocks (property)", () => {
    fc.assert(
      fc.property(arbCidr, arbCidr, (a, b) => {
        const failures = overlapFailures("x", formatCidr(a), [{ identity: "y", cidr: formatCidr(b) }]);
        return failures.length === (overlaps(a, b) ? 1 : 0);
      }),
    );
  });
});
