import * as assert from "assert";
import * as fc from "fast-check";
import {
  allocate,
  blockSize,
  CIDR_PATTERN,
  contains,
  formatCidr,
  gateway,
  overlaps,
  parseCidr,
  type Cidr,
} from "../../../rules/cidr";

function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.problem);
  return r.cidr;
}

/** Any aligned block of the whole address space. */
const arbCidr = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }))
  .map(([ip, prefix]) => ({ base: ip - (ip % blockSize(prefix)), prefix }));

describe("rules/cidr parsing", () => {
  const NOT_A_CIDR = "must be an IPv4 range in CIDR notation such as 10.0.0.0/16";
  const table: [string, string | undefined][] = [
    ["10.0.0.0/8", undefined],
    ["10.10.0.0/16", undefined],
    ["0.0.0.0/0", undefined],
    ["192.168.1.7/32", undefined],
    ["10.10.0.1/16", "must have no host bits set (use 10.10.0.0/16)"],
    ["10.0.0.1/8", "must have no host bits set (use 10.0.0.0/8)"],
    ["10.0.0.0/33", "must have a prefix length of at most 32"],
    ["300.0.0.0/8", NOT_A_CIDR],
    ["256.0.0.0/8", NOT_A_CIDR],
    ["10.0.0/8", NOT_A_CIDR],
    ["10.0.0.0", NOT_A_CIDR],
    ["010.0.0.0/8", NOT_A_CIDR],
    ["10.010.0.0/16", NOT_A_CIDR],
    ["10.0.0.0/08", NOT_A_CIDR],
    ["10.0.0.0/", NOT_A_CIDR],
    ["fd00::/8", NOT_A_CIDR],
    ["", NOT_A_CIDR],
  ];
  for (const [text, problem] of table) {
    it(`${JSON.stringify(text)} -> ${problem ?? "accepted"}`, () => {
      const r = parseCidr(text);
      assert.strictEqual(r.ok ? undefined : r.problem, problem);
      if (r.ok) assert.strictEqual(formatCidr(r.cidr), text);
    });
  }

  it("property: format then parse is the identity", () => {
    fc.assert(
      fc.property(arbCidr, (c) => assert.deepStrictEqual(parseCidr(formatCidr(c)), { ok: true, cidr: c })),
    );
  });

  /** Near misses of a CIDR: octets and prefixes with leading zeros, out of range, missing parts. */
  const nearMiss = fc
    .tuple(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom("010", "00", "")), {
        minLength: 3,
        maxLength: 5,
      }),
      fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constantFrom("08", "", "a")),
    )
    .map(([octets, prefix]) => `${octets.join(".")}/${prefix}`);

  it("property: the server's pattern accepts exactly what parses, host bits aside", () => {
    const pattern = new RegExp(CIDR_PATTERN, "u");
    fc.assert(
      fc.property(fc.oneof(nearMiss, fc.string({ maxLength: 20 })), (text) => {
        const r = parseCidr(text);
        const parses = r.ok || r.problem.startsWith("must have no host bits");
        assert.strictEqual(pattern.test(text), parses, text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("rules/cidr containment and overlap", () => {
  it("contains, overlaps and the gateway (table)", () => {
    assert.ok(contains(cidr("10.0.0.0/8"), cidr("10.1.0.0/16")));
    assert.ok(!contains(cidr("10.1.0.0/16"), cidr("10.0.0.0/8")));
    assert.ok(overlaps(cidr("10.0.0.0/8"), cidr("10.1.0.0/16")));
    assert.ok(!overlaps(cidr("10.0.0.0/16"), cidr("10.1.0.0/16")));
    assert.strictEqual(gateway(cidr("10.1.2.0/24")), "10.1.2.1");
    assert.strictEqual(gateway(cidr("10.1.2.4/31")), "10.1.2.4");
  });

  it("property: overlap is symmetric and reflexive", () => {
    fc.assert(fc.property(arbCidr, arbCidr, (a, b) => overlaps(a, b) === overlaps(b, a) && overlaps(a, a)));
  });

  it("property: two aligned blocks either nest or are disjoint (never partial overlap)", () => {
    fc.assert(
      fc.property(arbCidr, arbCidr, (a, b) => {
        const aEnd = a.base + blockSize(a.prefix) - 1;
        const bEnd = b.base + blockSize(b.prefix) - 1;
        const intersect = a.base <= bEnd && b.base <= aEnd;
        return intersect === overlaps(a, b) && intersect === (contains(a, b) || contains(b, a));
      }),
    );
  });

  it("property: containment is transitive and implies a longer or equal prefix", () => {
    fc.assert(
      fc.property(arbCidr, arbCidr, arbCidr, (a, b, c) => {
        if (contains(a, b) && contains(b, c)) return contains(a, c) && c.prefix >= a.prefix;
        return true;
      }),
    );
  });

  it("property: the halves of a block are inside it and do not overlap each other", () => {
    fc.assert(
      fc.property(arbCidr, (c) => {
        if (c.prefix === 32) return true;
        const low = { base: c.base, prefix: c.prefix + 1 };
        const high = { base: c.base + blockSize(c.prefix + 1), prefix: c.prefix + 1 };
        return contains(c, low) && contains(c, high) && !overlaps(low, high);
      }),
    );
  });
});

describe("rules/cidr allocation", () => {
  it("allocates the first free aligned block (table)", () => {
    const range = cidr("10.0.0.0/8");
    assert.strictEqual(formatCidr(allocate(range, [], 16) as Cidr), "10.0.0.0/16");
    assert.strictEqual(
      formatCidr(allocate(range, [cidr("10.0.0.0/16"), cidr("10.1.0.0/24")], 16) as Cidr),
      "10.2.0.0/16",
    );
    assert.strictEqual(
      allocate(cidr("10.0.0.0/24"), [cidr("10.0.0.0/25"), cidr("10.0.0.128/25")], 25),
      undefined,
    );
    assert.strictEqual(allocate(cidr("10.0.0.0/24"), [], 16), undefined, "a block larger than the range");
  });

  const block = (rangeBase: number) =>
    fc
      .record({ offset: fc.integer({ min: 0, max: 255 }), prefix: fc.integer({ min: 24, max: 30 }) })
      .map(({ offset, prefix }) => {
        const step = blockSize(prefix);
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
            assert.strictEqual(got.base % blockSize(got.prefix), 0);
            assert.ok(taken.every((t) => !overlaps(t, got)));
            return;
          }
          // Exhaustive check: no aligned candidate is free.
          const step = blockSize(prefix);
          for (let b = range.base; b + step <= range.base + blockSize(range.prefix); b += step)
            assert.ok(taken.some((t) => overlaps(t, { base: b, prefix })));
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
