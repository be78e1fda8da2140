import * as fc from "fast-check";
import { UNKNOWN } from "../../../../provider/resources/props";

/**
 * Values no schema allows anywhere, or allows only by accident: what a buggy program, a hand-edited state
 * or a hostile stack could hand `check`. Big and deep values are built once (building them per run
 * would make 10,000 runs slow) and print as a short description in a counterexample.
 */

function described<T extends object>(value: T, text: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text, enumerable: false });
  return value;
}

function deepObject(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { end: true };
  for (let i = 0; i < levels; i++) value = { a: value };
  return described(value, `<object nested ${levels} levels>`);
}

function deepArray(levels: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < levels; i++) value = [value];
  return described(value, `<list nested ${levels} levels>`);
}

/** An object `String()` and template literals cannot convert (they throw TypeError). */
function unprintable(): Record<string, unknown> {
  return described(Object.create(null) as Record<string, unknown>, "<object without prototype>");
}

const NOT_CALLABLE = described({ toString: 1, valueOf: 1 }, "{toString: 1, valueOf: 1}");

/** Own data properties, `__proto__` included (as JSON.parse makes them), never the prototype. */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (key === "__proto__")
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

/** Keys that trip code which treats objects as dictionaries, or writes paths without escaping. */
export const EVIL_KEYS = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"),
  fc.constantFrom("", " ", "a.b", "x[0]", '"]', "\\", "\u0000", "é", "🙂", "\ud800", "x".repeat(300)),
  fc.string({ unit: "binary", maxLength: 6 }),
);

const STRINGS = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\n\t", "\u202eevil", "\ud800", "x\udfff", "🙂", "e\u0301"),
  fc.constantFrom("null", "undefined", "NaN", "true", "0", "-1", "[]", "{}", "__proto__"),
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

const NUMBERS = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 0.5, 1.5, 2 ** 53, -(2 ** 53), 1e300, Number.MAX_VALUE),
  fc.constantFrom(Number.MIN_VALUE, Number.EPSILON, 4294967296),
  fc.double(),
  fc.integer(),
);

const SHAPES_GONE_WRONG = fc.oneof(
  fc.constantFrom(deepObject(64), deepArray(64)),
  fc.constant(null).map(unprintable),
  fc.constant(NOT_CALLABLE),
  fc.array(fc.oneof(STRINGS, NUMBERS, fc.constant(null)), { maxLength: 4 }),
  fc
    .array(fc.tuple(EVIL_KEYS, fc.oneof(STRINGS, NUMBERS, fc.constant(null))), { maxLength: 3 })
    .map(objectOf),
  fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: true }),
);

/** Huge values: rarer than the others, as each costs its check a millisecond or more. */
const HUGE = fc.constantFrom(
  "a".repeat(1 << 20),
  "\u0000".repeat(100_000),
  "é🙂\u202e".repeat(50_000),
  deepObject(100_000),
  deepArray(100_000),
);

/** A value of any type but the expected one, mostly; sometimes of the right type by chance. */
export const HOSTILE: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(null, undefined, UNKNOWN, true, false, 0, ""), weight: 6 },
  { arbitrary: STRINGS, weight: 6 },
  { arbitrary: NUMBERS, weight: 4 },
  { arbitrary: SHAPES_GONE_WRONG, weight: 6 },
  { arbitrary: HUGE, weight: 1 },
);
