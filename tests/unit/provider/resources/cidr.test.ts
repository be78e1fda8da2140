import * as assert from "assert";
import * as fc from "fast-check";
import {
  contains,
  formatCidr,
  formatIp,
  isCidr,
  overlaps,
  parseCidr,
  parseIp,
  size,
} from "../../../../provider/resources/cidr";
import { overlapFailures } from "../../../../provider/resources/network";

const arbCidr = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }))
  .map(([ip, prefix]) => ({ base: ip - (ip % size(prefix)), prefix }));

describe("CIDR parsing (table)", () => {
  const table: Array<[string, string]> = [
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["10.10.0.0/16", "10.10.0.0/16"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["192.168.1.7/32", "192.168.1.7/32"],
    ["10.10.0.1/16", "has host bits set: write 10.10.0.0/16"],
    ["10.0.0.0/33", "has a prefix length above 32"],
    ["10.0.0/8", "has an invalid address 10.0.0"],
    ["256.0.0.0/8", "has an invalid address 256.0.0.0"],
    ["010.0.0.0/8", "has an invalid address 010.0.0.0"],
    ["10.0.0.0", "must be an IPv4 range in CIDR notation such as 10.0.0.0/16"],
    ["fd00::/8", "has an invalid address fd00::"],
  ];
  for (const [text, expected] of table) {
    it(`${text} -> ${expected}`, () => {
      const parsed = parseCidr(text);
      assert.strictEqual(isCidr(parsed) ? formatCidr(parsed) : parsed.problem, expected);
    });
  }
});

describe("CIDR arithmetic (properties)", () => {
  it("format then parse is the identity", () => {
    fc.assert(fc.property(arbCidr, (c) => sameCidr(parseCidr(formatCidr(c)), c)));
  });

  it("ip format then parse is the identity", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (ip) => parseIp(formatIp(ip)) === ip));
  });

  it("overlap is symmetric and reflexive", () => {
    fc.assert(fc.property(arbCidr, arbCidr, (a, b) => overlaps(a, b) === overlaps(b, a) && overlaps(a, a)));
  });

  it("two aligned blocks either nest or are disjoint (never partial overlap)", () => {
    fc.assert(
      fc.property(arbCidr, arbCidr, (a, b) => {
        const aEnd = a.base + size(a.prefix) - 1;
        const bEnd = b.base + size(b.prefix) - 1;
        const intersect = a.base <= bEnd && b.base <= aEnd;
        return intersect === overlaps(a, b);
      }),
    );
  });

  it("containment is transitive and implies a longer or equal prefix", () => {
    fc.assert(
      fc.property(arbCidr, arbCidr, arbCidr, (a, b, c) => {
        if (contains(a, b) && contains(b, c)) return contains(a, c) && c.prefix >= a.prefix;
        return true;
      }),
    );
  });

  it("the halves of a block are inside it and do not overlap each other", () => {
    fc.assert(
      fc.property(arbCidr, (c) => {
        if (c.prefix === 32) return true;
        const low = { base: c.base, prefix: c.prefix + 1 };
        const high = { base: c.base + size(c.prefix + 1), prefix: c.prefix + 1 };
        return contains(c, low) && contains(c, high) && !overlaps(low, high);
      }),
    );
  });
});

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

function sameCidr(parsed: ReturnType<typeof parseCidr>, c: { base: number; prefix: number }): boolean {
  return isCidr(parsed) && parsed.base === c.base && parsed.prefix === c.prefix;
}
