import * as fc from "fast-check";
import { formEncode, paramObject, type Ids, type Operation, type Schema } from "./openapi-walk";
import { hostileValue, validValue, valuePaths, setAt, wrongType, type FuzzContext } from "./fuzz-values";
import type { Json } from "./helpers";
import { short } from "./walk-world";

/**
 * Request bodies for the API fuzz, as fast-check arbitraries: a body the schema accepts, or one with
 * exactly one hostile change (a value of the wrong type, null, an extra or prototype key, the wrong
 * top-level shape, nesting past the limit, broken JSON, a foreign content type). Where that change alone
 * decides the answer, the body says what the server must answer.
 */

export interface Expectation {
  status: number;
  /** Accepted codes (any code when empty). */
  codes: string[];
  /** The message must start with this property name. */
  property?: string;
}

export interface FuzzBody {
  text?: string;
  contentType?: string;
  expect?: Expectation;
  note: string;
}

/** Keys no body declares; the POISON ones reach an object's prototype in a careless merge. */
const EXTRA_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "admin",
  "isAdmin",
  "groups",
  "owner",
  "createdTime",
];
const POISON = new Set(["__proto__", "constructor", "prototype"]);
/** Content types no write of the API takes. */
const FOREIGN_TYPES = [
  "text/plain",
  "application/xml",
  "application/octet-stream",
  "multipart/form-data; boundary=x",
];
const OTHER_TYPES = [
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "",
];

function insertKey(objectText: string, key: string, value: unknown): string {
  const member = `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`;
  return objectText === "{}" ? `{${member}}` : `{${member},${objectText.slice(1)}`;
}

const invalid = (codes: string[], property?: string): Expectation => ({
  status: 400,
  codes,
  ...(property !== undefined && { property }),
});
const JSON_TYPE = "application/json";

/** Whose objects a body may name: the caller's own and another tenant's (the takeover attempts). */
export interface Owners {
  own: Ids;
  other: Ids | undefined;
}

type Valid = fc.Arbitrary<Json>;

/** One value anywhere in the body replaced by a hostile one; a wrong type at the top must be named. */
function mutatedArb(schema: Schema, valid: Valid, ctx: FuzzContext): fc.Arbitrary<FuzzBody> {
  return valid.chain((v) => {
    const missing = Object.keys(schema.properties ?? {}).filter((k) => !Object.hasOwn(v, k));
    const targets = [...valuePaths(v), ...missing.map((k) => [k])];
    if (targets.length === 0)
      return fc.constant({ text: JSON.stringify(v), contentType: JSON_TYPE, note: "valid" });
    return fc.tuple(fc.constantFrom(...targets), hostileValue(ctx)).map(([path, value]): FuzzBody => {
      const name = String(path[0]);
      const declared = Object.hasOwn(schema.properties ?? {}, name) ? schema.properties?.[name] : undefined;
      const top = path.length === 1 ? declared : undefined;
      const expect = top && wrongType(value, top) ? invalid(["InvalidEntity"], name) : undefined;
      const text = JSON.stringify(setAt(v, path, value));
      return {
        text,
        contentType: JSON_TYPE,
        note: `${path.join(".")}=${short(value)}`,
        ...(expect && { expect }),
      };
    });
  });
}

/** An undeclared key (prototype keys included), refused when the schema is closed. */
function extraKeyArb(schema: Schema, valid: Valid, ctx: FuzzContext): fc.Arbitrary<FuzzBody> {
  const keys = fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 10 }));
  return fc
    .tuple(valid, keys, hostileValue(ctx))
    .filter(([v, key]) => !Object.hasOwn(schema.properties ?? {}, key) && !Object.hasOwn(v, key))
    .map(([v, key, value]): FuzzBody => {
      const poison = POISON.has(key);
      const closed = schema.additionalProperties === false;
      const expect = closed
        ? invalid(poison ? ["InvalidJson", "InvalidEntity"] : ["InvalidEntity"], poison ? undefined : key)
        : undefined;
      const text = insertKey(JSON.stringify(v), key, value);
      return {
        text,
        contentType: JSON_TYPE,
        note: `extra ${JSON.stringify(key)}`,
        ...(expect && { expect }),
      };
    });
}

/**
 * Identity fields naming another tenant's objects: one of them, or the whole reported takeover (another
 * tenant's object as `id`, the caller's own project and tenant as owners).
 */
function identityArb(op: Operation, schema: Schema, valid: Valid, owners: Owners): fc.Arbitrary<FuzzBody> {
  const target = op.pathParams[0] ? paramObject(op, op.pathParams[0].name) : "tenant";
  const other = owners.other ?? owners.own;
  const takeover = { id: other[target], projectId: owners.own.project, tenantId: owners.own.tenant };
  const single = fc.constantFrom<Json>(
    { id: other[target] },
    { tenantId: other.tenant },
    { projectId: other.project },
    { kind: target },
    { state: "READY" },
    { selfLink: `/v1/tenants/${other.tenant}` },
  );
  return fc.tuple(valid, fc.oneof(fc.constant<Json>(takeover), single)).map(([v, extra]): FuzzBody => {
    const keys = Object.keys(extra);
    const declared = keys.some((k) => Object.hasOwn(schema.properties ?? {}, k) || Object.hasOwn(v, k));
    const expect =
      schema.additionalProperties === false && !declared ? invalid(["InvalidEntity"]) : undefined;
    const text = JSON.stringify({ ...extra, ...v });
    return { text, contentType: JSON_TYPE, note: `identity ${keys.join(",")}`, ...(expect && { expect }) };
  });
}

/** A body that is not an object: null, scalars, arrays (one holding a password), a string. */
function wholeArb(valid: Valid, ctx: FuzzContext): fc.Arbitrary<FuzzBody> {
  return fc
    .oneof(
      fc.constantFrom("null", "[]", "123", "true", '"text"'),
      valid.map((v) => `[${JSON.stringify(v)}]`),
      fc.constant(JSON.stringify(`{"password":"${ctx.marker}"}`)),
    )
    .map((text): FuzzBody => ({
      text,
      contentType: JSON_TYPE,
      note: `body ${short(text, 40)}`,
      expect: invalid(["InvalidEntity", "InvalidJson"]),
    }));
}

/** Nesting past the API's limit (up to the 5,000 levels of the review), as raw text. */
const deepArb: fc.Arbitrary<FuzzBody> = fc
  .tuple(fc.integer({ min: 65, max: 5000 }), fc.boolean())
  .map(([n, arrays]): FuzzBody => ({
    text: arrays ? "[".repeat(n) + "]".repeat(n) : '{"a":'.repeat(n) + "1" + "}".repeat(n),
    contentType: JSON_TYPE,
    note: `nested ${n} levels`,
    expect: invalid(["InvalidJson"]),
  }));

/** Text that is not JSON: cut short, trailing garbage, two documents, a raw NUL, single quotes. */
function brokenArb(valid: Valid, ctx: FuzzContext): fc.Arbitrary<FuzzBody> {
  return valid.chain((v) => {
    const text = JSON.stringify(v);
    const texts = [
      text.slice(0, -1),
      `${text}}`,
      `${text}\n{}`,
      `{"a":"\u0000"}`,
      `{${ctx.marker}}`,
      `{'a':1}`,
    ];
    return fc.constantFrom(...texts).map((t): FuzzBody => ({
      text: t,
      contentType: JSON_TYPE,
      note: `broken JSON ${short(t, 40)}`,
      expect: invalid(["InvalidJson"]),
    }));
  });
}

/** A valid body under another content type; the foreign ones must be refused with 415. */
function contentTypeArb(op: Operation, valid: Valid): fc.Arbitrary<FuzzBody> {
  return fc.tuple(valid, fc.constantFrom(...FOREIGN_TYPES, ...OTHER_TYPES)).map(([v, type]): FuzzBody => {
    const text = type.includes("urlencoded") ? formEncode(v) : JSON.stringify(v);
    const foreign = FOREIGN_TYPES.includes(type) && !op.body?.contentTypes.includes(type);
    const expect: Expectation = { status: 415, codes: ["UnsupportedMediaType"] };
    return {
      text,
      contentType: type,
      note: `content-type ${JSON.stringify(type)}`,
      ...(foreign && { expect }),
    };
  });
}

/** Bodies for an operation that takes one: valid, or valid with exactly one hostile change. */
export function bodyArb(op: Operation, ctx: FuzzContext, owners: Owners): fc.Arbitrary<FuzzBody> {
  const schema = op.body?.schema ?? {};
  const valid = validValue(schema, ctx) as Valid;
  const plain = valid.map((v): FuzzBody => ({
    text: JSON.stringify(v),
    contentType: JSON_TYPE,
    note: "valid",
  }));
  return fc.oneof(
    { weight: 3, arbitrary: plain },
    { weight: 5, arbitrary: mutatedArb(schema, valid, ctx) },
    { weight: 2, arbitrary: extraKeyArb(schema, valid, ctx) },
    { weight: 2, arbitrary: identityArb(op, schema, valid, owners) },
    { weight: 2, arbitrary: wholeArb(valid, ctx) },
    { weight: 1, arbitrary: deepArb },
    { weight: 1, arbitrary: brokenArb(valid, ctx) },
    { weight: 2, arbitrary: contentTypeArb(op, valid) },
  );
}

/** Operations without a body mostly get none, sometimes garbage. */
export function noBodyArb(ctx: FuzzContext): fc.Arbitrary<FuzzBody> {
  const garbage = fc.constantFrom<FuzzBody>(
    { text: `{"password":"${ctx.marker}"}`, contentType: "text/plain", note: "text body" },
    { text: `[{"token":"${ctx.marker}"}]`, contentType: "application/json", note: "array body" },
    { text: "[".repeat(5000) + "]".repeat(5000), contentType: "application/json", note: "nested body" },
    { text: "{", contentType: "application/json", note: "broken body" },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant<FuzzBody>({ note: "no body" }) },
    { weight: 1, arbitrary: garbage },
  );
}
