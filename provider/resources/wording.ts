/**
 * How check failures write property paths and quote values. Inputs can be anything a program (or a
 * hand-edited state) holds: a 1 MB string, a list nested 100,000 deep, an object without a prototype
 * or with a `toString` that is not a function. Quoting must never throw, never recurse without a bound
 * and never copy a huge value into a message.
 */

import { shownPlain, unquoted } from "../../rules/wording";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A value as a reason quotes it: plain values as the server's messages show them (rules/wording: strings
 * quoted, escaped and cut short, short lists of plain values as JSON), other lists and objects by kind
 * only, as they may be nested 100,000 deep.
 */
export function shown(value: unknown): string {
  const plain = shownPlain(value);
  if (plain !== undefined) return plain;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object" && value !== null) return "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}

/** Like `shown`, but a string without quotes, for values that read as words (`lists CLOUD twice`). */
export function bare(value: unknown): string {
  return typeof value === "string" ? unquoted(value) : shown(value);
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
