import * as fc from "fast-check";
import type { Json } from "./helpers";
import { fillPath, formEncode, paramObject, type Ids, type Operation } from "./openapi-walk";
import { hostileValue, validValue, valuePaths, setAt, wrongType, type FuzzContext } from "./fuzz-values";
import { short } from "./walk-world";

/**
 * Whole requests for the API fuzz, as fast-check arbitraries: who calls, the path (own, foreign, missing
 * or malformed ids), the query and the body (valid, or valid with one hostile change). A case carries
 * what the server must answer when the change alone decides it (after authentication and scope).
 */

export type CallerName = "A" | "B" | "anonymous" | "admin";

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

export interface FuzzCase {
  caller: CallerName;
  /** Path and query, sent verbatim. */
  url: string;
  /**
   * Whether the body's expectation applies: false when a path segment or the query is malformed on
   * purpose, since that may decide the answer before the body is read.
   */
  expectApplies: boolean;
  /** The Authorization header of an anonymous caller: none, malformed or forged. */
  auth?: string;
  body: FuzzBody;
}

interface Part {
  text: string;
  clean: boolean;
}

const HOSTILE_SEGMENTS: readonly string[] = [
  "",
  "..",
  "../..",
  "..%2F..%2Fv1%2Ftenants",
  "%2e%2e%2f%2e%2e",
  "%00",
  "a%00b",
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AE%C0%AE",
  "__proto__",
  "constructor",
  "%20",
  "*",
  ";x=1",
  "a".repeat(4000),
];

const HOSTILE_QUERY: readonly string[] = [
  "pageSize=-1",
  "pageSize=abc",
  "pageSize=1e309",
  "pageSize=100000",
  "pageLink=..%2F..%2Fv1%2Ftenants",
  "pageLink=%zz",
  "tag=%",
  "name=%00",
  "__proto__[admin]=true",
  "constructor[prototype][admin]=1",
  "state=",
  "force=yes",
  "a=%E0%A4%A",
  "&&&",
  "=",
];

/** POISON keys reach an object's prototype in a careless merge. */
const EXTRA_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "id",
  "tenantId",
  "projectId",
  "kind",
  "state",
  "selfLink",
  "admin",
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

export function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80"; // a lone surrogate cannot be encoded: send its bytes, which are not UTF-8 either
  }
}

function segment(own: string, other: string | undefined): fc.Arbitrary<Part> {
  const clean = (s: string): Part => ({ text: safeEncode(s), clean: true });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(clean(own)) },
    { weight: 2, arbitrary: other === undefined ? fc.uuid().map(clean) : fc.constant(clean(other)) },
    { weight: 1, arbitrary: fc.uuid().map(clean) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS).map((text) => ({ text, clean: false })) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: "grapheme", minLength: 1, maxLength: 12 })
        .map((s) => ({ text: safeEncode(s), clean: false })),
    },
  );
}

function pathArb(op: Operation, own: Ids, other: Ids | undefined): fc.Arbitrary<Part> {
  const names = op.pathParams.map((p) => p.name);
  const parts = names.map((n) => segment(own[paramObject(op, n)], other?.[paramObject(op, n)]));
  return fc.tuple(...parts).map((chosen) => {
    const byName = new Map(names.map((n, i) => [n, chosen[i] as Part]));
    return {
      text: fillPath(op, (_k, name) => byName.get(name)?.text ?? ""),
      clean: chosen.every((p) => p.clean),
    };
  });
}

function queryArb(op: Operation, ctx: FuzzContext): fc.Arbitrary<Part> {
  const declared = op.query.map((p) =>
    validValue(p.schema ?? {}, ctx, p.name).map((v) => {
      const first: unknown = Array.isArray(v) ? v[0] : v;
      return { text: `${p.name}=${safeEncode(String(first ?? ""))}`, clean: true };
    }),
  );
  const hostile = [...HOSTILE_QUERY, `password=${ctx.marker}`, `token=${ctx.marker}`];
  const part = fc.oneof(
    ...(declared.length > 0 ? [{ weight: 3, arbitrary: fc.oneof(...declared) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...hostile).map((text) => ({ text, clean: false })) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 2000, max: 40_000 })
        .map((n) => ({ text: `q=${"a".repeat(n)}`, clean: false })),
    },
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ text: "", clean: true }) },
    {
      weight: 1,
      arbitrary: fc.array(part, { minLength: 1, maxLength: 3 }).map((ps) => ({
        text: ps.map((p) => p.text).join("&"),
        clean: ps.every((p) => p.clean),
      })),
    },
  );
}

function b64(value: Json): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** What an anonymous caller sends: nothing, malformed schemes, and an unsigned token claiming admin. */
function anonymousAuth(ctx: FuzzContext): fc.Arbitrary<string | undefined> {
  const claims = { sub: "admin", groups: ["photon\\admins"], admin: true, exp: 4_102_444_800 };
  const forged = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
  return fc.constantFrom(
    undefined,
    "Bearer",
    "Bearer ",
    `Bearer ${ctx.marker}`,
    `Bearer ${forged}`,
    `Bearer ${forged}${b64({ s: ctx.marker })}`,
    "Basic YWRtaW46cGhvdG9uLWFkbWlu",
    "bearer x.y.z",
    `Token ${ctx.marker}`,
  );
}

function insertKey(objectText: string, key: string, value: unknown): string {
  const member = `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`;
  return objectText === "{}" ? `{${member}}` : `{${member},${objectText.slice(1)}`;
}

const invalid = (codes: string[], property?: string): Expectation => ({
  status: 400,
  codes,
  ...(property !== undefined && { property }),
});

/** Bodies for an operation that takes one: valid, or valid with exactly one hostile change. */
function bodyArb(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzBody> {
  const schema = op.body?.schema ?? {};
  const valid = validValue(schema, ctx) as fc.Arbitrary<Json>;
  const json = "application/json";
  const closed = schema.additionalProperties === false;
  const mutated = valid.chain((v) => {
    const paths = valuePaths(v);
    const keys = Object.keys(schema.properties ?? {});
    const targets = [...paths, ...keys.filter((k) => !Object.hasOwn(v, k)).map((k) => [k])];
    if (targets.length === 0)
      return fc.constant({ text: JSON.stringify(v), contentType: json, note: "valid" });
    return fc.tuple(fc.constantFrom(...targets), hostileValue(ctx)).map(([path, value]): FuzzBody => {
      const name = String(path[0]);
      const top =
        path.length === 1 && Object.hasOwn(schema.properties ?? {}, name)
          ? schema.properties?.[name]
          : undefined;
      const expect = top && wrongType(value, top) ? invalid(["InvalidEntity"], name) : undefined;
      return {
        text: JSON.stringify(setAt(v, path, value)),
        contentType: json,
        note: `${path.join(".")}=${short(value)}`,
        ...(expect && { expect }),
      };
    });
  });
  const extraKey = fc
    .tuple(valid, fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 10 })), hostileValue(ctx))
    .filter(([v, key]) => !Object.hasOwn(schema.properties ?? {}, key) && !Object.hasOwn(v, key))
    .map(([v, key, value]): FuzzBody => {
      const expect = closed
        ? invalid(
            POISON.has(key) ? ["InvalidJson", "InvalidEntity"] : ["InvalidEntity"],
            POISON.has(key) ? undefined : key,
          )
        : undefined;
      return {
        text: insertKey(JSON.stringify(v), key, value),
        contentType: json,
        note: `extra ${JSON.stringify(key)}`,
        ...(expect && { expect }),
      };
    });
  const whole = fc
    .oneof(
      fc.constantFrom("null", "[]", "123", "true", '"text"'),
      valid.map((v) => `[${JSON.stringify(v)}]`),
      fc.constant(JSON.stringify(`{"password":"${ctx.marker}"}`)),
    )
    .map((text): FuzzBody => ({
      text,
      contentType: json,
      note: `body ${short(text, 40)}`,
      expect: invalid(["InvalidEntity", "InvalidJson"]),
    }));
  const deep = fc.tuple(fc.integer({ min: 65, max: 5000 }), fc.boolean()).map(([n, arrays]): FuzzBody => ({
    text: arrays ? "[".repeat(n) + "]".repeat(n) : '{"a":'.repeat(n) + "1" + "}".repeat(n),
    contentType: json,
    note: `nested ${n} levels`,
    expect: invalid(["InvalidJson"]),
  }));
  const broken = valid.chain((v) => {
    const text = JSON.stringify(v);
    return fc
      .constantFrom(
        text.slice(0, -1),
        `${text}}`,
        `${text}\n{}`,
        `{"a":"\u0000"}`,
        `{${ctx.marker}}`,
        `{'a':1}`,
      )
      .map((t): FuzzBody => ({
        text: t,
        contentType: json,
        note: `broken JSON ${short(t, 40)}`,
        expect: invalid(["InvalidJson"]),
      }));
  });
  const contentType = fc
    .tuple(valid, fc.constantFrom(...FOREIGN_TYPES, ...OTHER_TYPES))
    .map(([v, type]): FuzzBody => {
      const text = type.includes("urlencoded") ? formEncode(v) : JSON.stringify(v);
      const foreign = FOREIGN_TYPES.includes(type) && !op.body?.contentTypes.includes(type);
      return {
        text,
        contentType: type,
        note: `content-type ${JSON.stringify(type)}`,
        ...(foreign && { expect: { status: 415, codes: ["UnsupportedMediaType"] } }),
      };
    });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: valid.map((v): FuzzBody => ({ text: JSON.stringify(v), contentType: json, note: "valid" })),
    },
    { weight: 5, arbitrary: mutated },
    { weight: 2, arbitrary: extraKey },
    { weight: 2, arbitrary: whole },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: broken },
    { weight: 2, arbitrary: contentType },
  );
}

/** Operations without a body mostly get none, sometimes garbage. */
function noBodyArb(ctx: FuzzContext): fc.Arbitrary<FuzzBody> {
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

/** One request for `op` by one of `callers`; `ids` gives each caller's own objects and another's. */
export function caseArb(
  op: Operation,
  ctx: FuzzContext,
  callers: CallerName[],
  ids: (caller: CallerName) => { own: Ids; other: Ids | undefined },
): fc.Arbitrary<FuzzCase> {
  const body = op.body ? bodyArb(op, ctx) : noBodyArb(ctx);
  return fc.constantFrom(...callers).chain((caller) => {
    const { own, other } = ids(caller);
    const auth = caller === "anonymous" ? anonymousAuth(ctx) : fc.constant(undefined);
    return fc
      .tuple(pathArb(op, own, other), queryArb(op, ctx), auth, body)
      .map(([path, query, header, b]): FuzzCase => ({
        caller,
        url: query.text ? `${path.text}?${query.text}` : path.text,
        expectApplies: path.clean && query.clean,
        ...(header !== undefined && { auth: header }),
        body: b,
      }));
  });
}
