import type { Json } from "./helpers";
import { LONG, type FuzzContext } from "./fuzz-values";
import type { CallerName, FuzzCase } from "./fuzz-requests";
import type { Operation } from "./openapi-walk";
import { send, type RawAnswer } from "./raw-http";
import { changes, settle, short, snapshot, type Access, type Tenancy, type World } from "./walk-world";

/**
 * Sends fuzz cases one at a time and checks every answer against the API's rules: no 5xx and no hang,
 * errors in the `{code, message, data}` shape, no secret and no long value echoed, no other tenant's
 * data shown or changed, and the specific answer a case expects. Failures are collected, not thrown, so
 * one run lists every broken rule (grouped by operation and rule, with the first example of each).
 */

interface Failure {
  count: number;
  example: string;
}

function isErrorBody(body: unknown): boolean {
  const b = body as Json | undefined;
  const data = b?.["data"];
  return (
    typeof b === "object" &&
    b !== null &&
    !Array.isArray(b) &&
    typeof b["code"] === "string" &&
    typeof b["message"] === "string" &&
    typeof data === "object" &&
    data !== null &&
    !Array.isArray(data)
  );
}

/** Strings of at least LONG characters a request carries: in its URL, its body text, its JSON values. */
function longValues(c: FuzzCase): string[] {
  const out = c.url.split(/[/?&=]/).filter((p) => p.length >= LONG);
  const text = c.body.text ?? "";
  if (text.length >= LONG) out.push(text);
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === "string" && v.length >= LONG) out.push(v);
    else if (v !== null && typeof v === "object" && depth < 64)
      for (const x of Object.values(v)) walk(x, depth + 1);
  };
  try {
    walk(JSON.parse(text), 0);
  } catch {
    // not JSON: the whole text is checked above
  }
  return out;
}

/**
 * The message starts with the property: `workerCount ...`, `items[0] ...`, `quota.quotaItems ...`; a key
 * that looks like a number may be written as an index (`[7] ...`).
 */
function names(message: string, property: string): boolean {
  return (
    [" ", ".", "["].some((next) => message.startsWith(`${property}${next}`)) ||
    message.startsWith(`[${property}]`)
  );
}

export class FuzzRun {
  readonly failures = new Map<string, Failure>();
  readonly classes = new Map<string, number>();
  readonly codes = new Map<string, number>();
  readonly operations = new Set<string>();
  requests = 0;
  /** Failures are grouped per phase (fixed cases, random inputs), so each test reports its own. */
  phase = "";

  constructor(
    private readonly w: World,
    private readonly ctx: FuzzContext,
  ) {}

  private tally(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  private fail(op: Operation, c: FuzzCase, rule: string, detail: string): void {
    const key = `${this.phase}|${op.label}: ${rule}`;
    const known = this.failures.get(key);
    if (known) known.count++;
    else {
      const body =
        c.body.text === undefined ? "" : ` ${c.body.contentType ?? "-"} ${short(c.body.text, 160)}`;
      const example = `${c.caller} ${op.method} ${short(c.url, 120)} [${c.body.note}]${body} -> ${detail}`;
      this.failures.set(key, { count: 1, example });
    }
  }

  private token(caller: CallerName): string | undefined {
    if (caller === "A") return this.w.a.token;
    if (caller === "B") return this.w.b.token;
    return caller === "admin" ? this.w.adminToken : undefined;
  }

  /** The tenants a request of `caller` must leave untouched and unseen. */
  private others(caller: CallerName): Tenancy[] {
    if (caller === "A") return [this.w.b];
    if (caller === "B") return [this.w.a];
    return caller === "anonymous" ? [this.w.a, this.w.b] : [];
  }

  async run(op: Operation, c: FuzzCase, access: Access): Promise<void> {
    const t = this.w.t;
    this.operations.add(op.label);
    const others = this.others(c.caller);
    await settle(t);
    const before = others.map((o) => snapshot(t, o));
    const headers: Record<string, string> = {};
    const token = this.token(c.caller);
    const auth = token ? `Bearer ${token}` : c.auth;
    if (auth !== undefined) headers["authorization"] = auth;
    if (c.body.text !== undefined && c.body.contentType !== undefined)
      headers["content-type"] = c.body.contentType;
    this.requests++;
    let answer: RawAnswer;
    try {
      answer = await send(t.c.url, { method: op.method, path: c.url, headers, body: c.body.text });
    } catch (e) {
      this.tally(this.classes, "no answer");
      this.fail(op, c, "no answer (hang or reset)", e instanceof Error ? e.message : String(e));
      return;
    }
    this.tally(this.classes, `${Math.floor(answer.status / 100)}xx`);
    if (answer.status >= 400)
      this.tally(this.codes, `${answer.status} ${String((answer.json as Json | undefined)?.["code"])}`);
    for (const [rule, detail] of this.check(op, c, answer, access, others)) this.fail(op, c, rule, detail);
    if (!(await settle(t))) this.fail(op, c, "a task still runs after 10 s", "");
    if (c.caller === "admin" && t.c.platform.store.get("system", "system")?.state === "PAUSED")
      await send(t.c.url, {
        method: "POST",
        path: "/v1/system/resume",
        headers: { authorization: `Bearer ${this.w.adminToken}` },
      });
    others.forEach((o, i) => {
      const diff = changes(before[i] ?? new Map(), snapshot(t, o));
      if (diff.length > 0) this.fail(op, c, `changed tenant ${o.name}'s data`, diff.slice(0, 3).join("; "));
    });
  }

  private check(
    op: Operation,
    c: FuzzCase,
    answer: RawAnswer,
    access: Access,
    others: Tenancy[],
  ): [string, string][] {
    const problems: [string, string][] = [];
    const { status, text } = answer;
    const shown = `${status} ${short(answer.json ?? text, 240)}`;
    if (status >= 500) problems.push(["5xx", shown]);
    if (status >= 400 && !isErrorBody(answer.json)) problems.push(["error not {code, message, data}", shown]);
    if (status >= 400)
      for (const v of longValues(c))
        if (text.includes(v))
          problems.push(["long value echoed whole", `${v.length} characters repeated (${status})`]);
    if (text.includes(this.ctx.marker)) problems.push(["secret echoed", shown]);
    // A name the request itself carries may come back in its error; any other is the tenant's data.
    const sent = `${c.url} ${c.auth ?? ""} ${c.body.text ?? ""}`;
    for (const o of others)
      if (text.includes(o.name) && !sent.includes(o.name))
        problems.push([`shows tenant ${o.name}'s data`, shown]);
    if (c.caller === "anonymous" && !op.open && status < 400)
      problems.push(["anonymous caller let through", shown]);
    const e = c.body.expect;
    const authorized =
      access === "open" || (access === "admin" ? c.caller === "admin" : c.caller === "A" || c.caller === "B");
    if (e && c.expectApplies && authorized && ![401, 403, 404].includes(status)) {
      const body = answer.json as Json | undefined;
      const code = String(body?.["code"]);
      const message = String(body?.["message"]);
      const named = e.property === undefined || names(message, e.property);
      if (status !== e.status || (e.codes.length > 0 && !e.codes.includes(code)) || !named) {
        const want = `${e.status} ${e.codes.join("|") || "*"}${e.property ? ` naming ${e.property}` : ""}`;
        problems.push([`expected ${want}`, shown]);
      }
    }
    return problems;
  }

  /** The failures of one phase: the rule broken, how often, and the first example. */
  report(phase: string): string[] {
    return [...this.failures.entries()]
      .filter(([key]) => key.startsWith(`${phase}|`))
      .map(([key, f]) => `${key.slice(phase.length + 1)} (x${f.count})\n    e.g. ${f.example}`);
  }

  summary(): string {
    const classes = ["2xx", "3xx", "4xx", "5xx", "no answer"]
      .map((k) => `${k} ${this.classes.get(k) ?? 0}`)
      .join(", ");
    const codes = [...this.codes.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, n]) => `${k} x${n}`)
      .join(", ");
    return `operations ${this.operations.size}, requests ${this.requests} (${classes}); failing rules ${this.failures.size}; top errors: ${codes}`;
  }
}
