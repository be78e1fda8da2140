import * as assert from "assert";
import * as fc from "fast-check";
import {
  allocate,
  contains,
  format,
  gateway,
  overlaps,
  parseCidr,
  size,
  type Cidr,
} from "../../../controller/validation/cidr";
import { chooseCidr } from "../../../controller/networks/cidrs";

function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.problem);
  return r.cidr;
}

describe("controller CIDR arithmetic", () => {
  const table: [string, string | undefined][] = [
    ["10.0.0.0/8", undefined],
    ["10.10.0.0/16", undefined],
    ["0.0.0.0/0", undefined],
    ["192.168.1.7/32", undefined],
    ["10.10.0.1/16", "must have no host bits set (use 10.10.0.0/16)"],
    ["10.0.0.0/33", "must be an IPv4 CIDR such as 10.0.0.0/16"],
    ["300.0.0.0/8", "must be an IPv4 CIDR such as 10.0.0.0/16"],
    ["10.0.0.0", "must be an IPv4 CIDR such as 10.0.0.0/16"],
  ];
  for (const [text, problem] of table) {
    it(`parses ${text}`, () => {
      const r = parseCidr(text);
      assert.strictEqual(r.ok ? undefined : r.problem, problem);
      if (r.ok) assert.strictEqual(format(r.cidr), text);
    });
  }

  it("contains and overlaps", () => {
    assert.ok(contains(cidr("10.0.0.0/8"), cidr("10.1.0.0/16")));
    assert.ok(!contains(cidr("10.1.0.0/16"), cidr("10.0.0.0/8")));
    assert.ok(overlaps(cidr("10.0.0.0/8"), cidr("10.1.0.0/16")));
    assert.ok(!overlaps(cidr("10.0.0.0/16"), cidr("10.1.0.0/16")));
    assert.strictEqual(gateway(cidr("10.1.2.0/24")), "10.1.2.1");
  });

  it("allocates the first free aligned block", () => {
    const range = cidr("10.0.0.0/8");
    assert.strictEqual(format(allocate(range, [], 16) as Cidr), "10.0.0.0/16");
    assert.strictEqual(
      format(allocate(range, [cidr("10.0.0.0/16"), cidr("10.1.0.0/24")], 16) as Cidr),
      "10.2.0.0/16",
    );
    assert.strictEqual(
      allocate(cidr("10.0.0.0/24"), [cidr("10.0.0.0/25"), cidr("10.0.0.128/25")], 25),
      undefined,
    );
  });

  it("chooseCidr names the overlapping sibling", () => {
    assert.throws(
      () =>
        chooseCidr(
          "10.1.0.0/16",
          "10.0.0.0/8",
          [{ name: "front", privateIpCidr: "10.1.0.0/24" }],
          "network",
          16,
        ),
      {
        code: "InvalidEntity",
        message: "privateIpCidr overlaps network front (10.1.0.0/24) (was 10.1.0.0/16)",
      },
    );
    assert.throws(() => chooseCidr("11.0.0.0/16", "10.0.0.0/8", [], "network", 16), {
      message: "privateIpCidr must lie inside 10.0.0.0/8 (was 11.0.0.0/16)",
    });
  });

  const block = (rangeBase: number) =>
    fc
      .record({ offset: fc.integer({ min: 0, max: 255 }), prefix: fc.integer({ min: 24, max: 30 }) })
      .map(({ offset, prefix }) => {
        const step = 2 ** (32 - prefix);
        return { base: rangeBase + Math.floor((offset * 256) / step) * step, prefix };
      });

  it("property: an allocated block is inside the range, aligned and overlaps nothing taken", () => {
    const range = cidr("10.20.0.0/16");
    fc.assert(
      fc.property(
        fc.array(block(range.base), { maxLength: 30 }),
        fc.integer({ min: 16, max: 28 }),
        (taken, prefix) => {
          const got = allocate(range, taken, prefix);
          if (got) {
            assert.ok(contains(range, got));
            assert.strictEqual(got.base % size(got), 0);
            assert.ok(taken.every((t) => !overlaps(t, got)));
          } else {
            // Exhaustive check: no aligned candidate is free.
            for (
              let b = range.base;
              b + 2 ** (32 - prefix) <= range.base + size(range);
              b += 2 ** (32 - prefix)
            ) {
              assert.ok(taken.some((t) => overlaps(t, { base: b, prefix })));
            }
          }
        },
      ),
    );
  });

  it("property: repeated allocation never hands out overlapping blocks", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 20, max: 28 }), { maxLength: 40 }), (prefixes) => {
        const range = cidr("172.16.0.0/16");
        const taken: Cidr[] = [];
        for (const p of prefixes) {
          const got = allocate(range, taken, p);
          if (got) taken.push(got);
        }
        for (let i = 0; i < taken.length; i++)
          for (let j = i + 1; j < taken.length; j++) assert.ok(!overlaps(taken[i] as Cidr, taken[j] as Cidr));
      }),
    );
  });
});
