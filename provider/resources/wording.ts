/**
 * How check failures write property paths and quote values. Inputs can be anything a program (or a
 * hand-edited state) holds: a 1 MB string, a list nested 100,000 deep, an object without a prototype
 * or with a `toString` that is not a function. Quoting must never throw, never recurse without a bound
 * and never copy a huge value into a message.
 */

import type { Failure } from "./common";

const MAX_QUOTED = 64;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A string escaped as in JSON (NUL and control characters written `\u0000`) and cut to a readable
 * length, counted after escaping; the cut says how long the whole was.
 */
function cut(text: string): { readonly head: string; readonly tail: string } {
  let head = "";
  for (const char of text) {
    const escaped = JSON.stringify(char).slice(1, -1);
    if (head.length + escaped.length > MAX_QUOTED) return { head, tail: `... (${text.length} characters)` };
    head += escaped;
  }
  return { head, tail: "" };
}

/**
 * A value as a reason quotes it: strings in JSON quotes (control characters and NUL escaped, cut
 * short), numbers as written (NaN stays NaN), lists and objects by kind only.
 */
export function shown(value: unknown): string {
  if (typeof value === "string") {
    const { head, tail } = cut(value);
    return `"${head}"${tail}`;
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object" && value !== null) return "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}

/** Like `shown`, but a string without quotes, for values that read as words (`lists CLOUD twice`). */
export function bare(value: unknown): string {
  if (typeof value !== "string") return shown(value);
  const { head, tail } = cut(value);
  return `${head}${tail}`;
}

/**
 * The path of a field of an object (or of the inputs when `parent` is empty): `.field`, or
 * `["odd key"]` when the key is not an identifier, so that every path reads back unambiguously.
 */
export function fieldPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The path of an entry of a map (quota, metadata): always `["key"]`, as the keys are data. */
export function entryPath(parent: string, key: string): string {
  return `${parent}[${JSON.stringify(key)}]`;
}

/** An object with fields, not a list and not null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first value a list holds twice (NaN equals NaN here), or undefined. */
export function firstDuplicate(values: readonly unknown[]): { readonly value: unknown } | undefined {
  const seen = new Set<unknown>();
  for (const v of values) {
    if (seen.has(v)) return { value: v };
    seen.add(v);
  }
  return undefined;
}

/** Failures for fields an object type does not declare (typos, or keys such as `__proto__`). */
export function strayFields(
  parent: string,
  value: Record<string, unknown>,
  fields: readonly string[],
  what: string,
): Failure[] {
  return Object.keys(value)
    .filter((k) => !fields.includes(k))
    .map((k) => ({
      property: fieldPath(parent, k),
      reason: `is not a field of ${what} (${fields.join(", ")})`,
    }));
}
