import * as fc from "fast-check";
import type { Json } from "./helpers";
import { allowsNull, fitsString, types, type Schema } from "./openapi-walk";

/**
 * fast-check arbitraries for the API fuzz: values that a schema accepts (the base of every body) and
 * hostile values that replace one of them.
 */

/** Property names whose values are secrets: the fuzz puts its marker in every one of them. */
const SECRET_NAME = /password|token|secret/i;

export interface FuzzContext {
  /** Put in every secret-named field; no answer may ever contain it. */
  marker: string;
  /** Ids and names of the world (both tenants, shared objects), offered to `...Id`/flavor properties. */
  refs: string[];
}

/** A string at least this long must never come back whole in an error. */
export const LONG = 1000;

const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%00",
  "%zz",
  "${jndi:ldap://127.0.0.1/x}",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "\ud800",
  "\u202e\u0644",
  "😀👩‍👩‍👧",
  "日本語",
  "null",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  "999.1.1.1",
  "10.0.0.0/33",
];

/** Any JSON value, hostile to whatever schema it lands in. */
export function hostileValue(ctx: FuzzContext): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(-1, 0, 0.5, -0.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_VALUE),
    fc.double(),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "grapheme-ascii", minLength: LONG, maxLength: 5 * LONG }),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.oneof(fc.string(), fc.constant(null), fc.integer()), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.constant(null)), { maxKeys: 3 }),
    fc.constantFrom(...ctx.refs),
    fc.integer({ min: 2, max: 30 }).map(nested),
  );
}

/** An object nested `depth` levels, within the API's nesting limit. */
function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** True when the value (as sent: after a JSON round trip) is not of a type the schema allows. */
export function wrongType(value: unknown, schema: Schema): boolean {
  const sent = JSON.parse(JSON.stringify(value) ?? "null") as unknown;
  const allowed = types(schema);
  if (sent === null) return !allowsNull(schema) && (allowed.length > 0 || schema.enum !== undefined);
  if (allowed.length === 0) return false;
  const actual = Array.isArray(sent) ? "array" : typeof sent;
  return !allowed.some(
    (t) =>
      t === actual ||
      (t === "integer" && typeof sent === "number" && Number.isInteger(sent)) ||
      (t === "number" && typeof sent === "number"),
  );
}

function bounds(schema: Schema, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : 0.001;
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : 0);
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : min + 100);
  return {
    min: integer ? Math.ceil(min) : min,
    max: integer ? Math.floor(Math.max(min, max)) : Math.max(min, max),
  };
}

/** Likely-valid strings for network-ish and reference properties, so writes get past validation. */
function hinted(schema: Schema, ctx: FuzzContext, name: string): fc.Arbitrary<string> | undefined {
  if (/cidr/i.test(name))
    return fc.oneof(
      fc.constantFrom("10.20.0.0/24", "192.168.0.0/16", "172.16.4.0/22"),
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, n]) => `${ip}/${n}`),
    );
  if (/address|gateway|dns/i.test(name)) return fc.oneof(fc.ipV4(), fc.constantFrom("1.1.1.1", "8.8.8.8"));
  const refs = ctx.refs.filter((s) => fitsString(schema, s));
  if (/Ids?$|flavor|zone/i.test(name) && refs.length > 0) return fc.constantFrom(...refs);
  return undefined;
}

function stringValue(schema: Schema, ctx: FuzzContext, name: string): fc.Arbitrary<string> {
  const hint = hinted(schema, ctx, name);
  const base = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern)).filter((s) => fitsString(schema, s))
    : fc.string({
        unit: "grapheme",
        minLength: schema.minLength ?? 0,
        maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 24, 24)),
      });
  return hint ? fc.oneof({ weight: 3, arbitrary: hint }, { weight: 1, arbitrary: base }) : base;
}

/** Values a schema accepts (mostly: semantic rules such as existing ids are the server's to check). */
export function validValue(schema: Schema, ctx: FuzzContext, name = ""): fc.Arbitrary<unknown> {
  const accepts = types(schema);
  if (SECRET_NAME.test(name) && (accepts.length === 0 || accepts.includes("string")))
    return fc.constant(ctx.marker);
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => validValue(b, ctx, name)));
  const type = accepts.find((t) => t !== "null") ?? "string";
  switch (type) {
    case "object":
      return objectValue(schema, ctx);
    case "array":
      return fc.array(validValue(schema.items ?? {}, ctx, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, 3),
      });
    case "integer":
      return fc.integer(bounds(schema, true));
    case "number":
      return fc.double({ ...bounds(schema, false), noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    default:
      return stringValue(schema, ctx, name);
  }
}

function objectValue(schema: Schema, ctx: FuzzContext): fc.Arbitrary<Json> {
  const props = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of Object.entries(props)) model[k] = validValue(s, ctx, k);
  const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
  const extra = schema.additionalProperties;
  if (typeof extra !== "object") return record;
  const keys = fc.stringMatching(/^[a-z][a-z.-]{0,15}$/).filter((k) => !(k in props));
  return fc
    .tuple(record, fc.dictionary(keys, validValue(extra, ctx), { maxKeys: 2 }))
    .map(([r, d]) => ({ ...d, ...r }));
}

/** Paths to every value inside a body (object keys and array indexes), up to three levels down. */
export function valuePaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (at.length >= 3 || value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...at, k], ...valuePaths(v, [...at, k])]);
}

/** A deep copy of `value` with the value at `path` replaced. */
export function setAt(value: unknown, path: (string | number)[], next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[Number(head)] = setAt(copy[Number(head)], rest, next);
    return copy;
  }
  const copy: Json = { ...(value as Json) };
  copy[String(head)] = setAt(copy[String(head)], rest, next);
  return copy;
}
