import * as fc from "fast-check";
import { bodyArb, noBodyArb, type FuzzBody, type Owners } from "./fuzz-bodies";
import { validValue, type FuzzContext } from "./fuzz-values";
import type { Json } from "./helpers";
import { fillPath, paramObject, type Ids, type Operation } from "./openapi-walk";

/**
 * Whole requests for the API fuzz, as fast-check arbitraries: who calls (with a forged or malformed token
 * when anonymous), the path (own, foreign, missing or malformed ids), the query and the body
 * (fuzz-bodies.ts).
 */

export type CallerName = "A" | "B" | "anonymous" | "admin";

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

function safeEncode(s: string): string {
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
    ...(declared.length > 0 ? [{ weight: 6, arbitrary: fc.oneof(...declared) }] : []),
    { weight: 3, arbitrary: fc.constantFrom(...hostile).map((text) => ({ text, clean: false })) },
    {
      weight: 1, // up to 40 KB: past the 16 KB limit of the request line and headers
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

/** One request for `op` by one of `callers`; `ids` gives each caller's own objects and another's. */
export function caseArb(
  op: Operation,
  ctx: FuzzContext,
  callers: CallerName[],
  ids: (caller: CallerName) => Owners,
): fc.Arbitrary<FuzzCase> {
  const build = (caller: CallerName): fc.Arbitrary<FuzzCase> => {
    const owners = ids(caller);
    const body = op.body ? bodyArb(op, ctx, owners) : noBodyArb(ctx);
    const auth = caller === "anonymous" ? anonymousAuth(ctx) : fc.constant(undefined);
    return fc
      .tuple(pathArb(op, owners.own, owners.other), queryArb(op, ctx), auth, body)
      .map(([path, query, header, b]): FuzzCase => ({
        caller,
        url: query.text ? `${path.text}?${query.text}` : path.text,
        expectApplies: path.clean && query.clean,
        ...(header !== undefined && { auth: header }),
        body: b,
      }));
  };
  const arbs = new Map([...new Set(callers)].map((c) => [c, build(c)] as const));
  // A caller listed twice is drawn twice as often.
  return fc.oneof(...callers.map((c) => arbs.get(c) ?? build(c)));
}
