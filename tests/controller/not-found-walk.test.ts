import * as assert from "assert";
import { randomUUID } from "crypto";
import type { Json } from "./helpers";
import { start, type TestController } from "./helpers";
import { encodeBody, fillPath, loadOperations, minimalValue, type Operation } from "./openapi-walk";
import { call, type RawAnswer } from "./raw-http";
import { short } from "./walk-world";

/** "NotFound" or a typed variant such as "HostNotFound". */
const NOT_FOUND_CODE = /^([A-Z][A-Za-z]*)?NotFound$/;

function problem(res: RawAnswer): string | undefined {
  const body = res.json as Json | undefined;
  const data = body?.["data"];
  if (res.status !== 404) return `answered ${res.status}`;
  if (typeof body?.["code"] !== "string" || !NOT_FOUND_CODE.test(body["code"]))
    return "code is not ...NotFound";
  if (typeof body["message"] !== "string" || body["message"] === "") return "no message";
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "data is not an object";
  return undefined;
}

/**
 * Consistent 404s: every operation of /v1/openapi.json with a path parameter, called by the admin with a
 * well-formed id (a UUID, or a valid username) that does not exist and otherwise valid input, answers 404
 * `{code: "...NotFound", message, data}`, whether the id names the object itself or the parent of a list.
 */
describe("Consistent 404s for a missing object or parent (every route of /v1/openapi.json)", () => {
  let t: TestController;
  let ops: Operation[];

  before(async () => {
    t = await start({ faults: {} }); // faults on (at rate 0) so the fault-only routes are walked too
    ops = (await loadOperations(t.anon)).filter((o) => o.pathParams.length > 0);
  });
  after(async () => t?.close());

  it("answers 404 {code: ...NotFound, message, data} on every route with a path parameter", async () => {
    const failures: string[] = [];
    for (const op of ops) {
      const path = fillPath(op, (key) =>
        key === "user" ? `nobody-${randomUUID().slice(0, 8)}` : randomUUID(),
      );
      const body = op.body ? encodeBody(op, minimalValue(op.body.schema)) : undefined;
      const res = await call(t.c.url, t.admin.token, op.method, path, body);
      const wrong = problem(res);
      if (wrong) failures.push(`${op.label} ${path}: ${wrong}: ${short(res.json ?? res.text, 200)}`);
    }
    console.log(
      `      not-found-walk: ${ops.length} operations with a path parameter, ${failures.length} failures`,
    );
    assert.ok(ops.length >= 60, `only ${ops.length} operations with a path parameter`);
    assert.ok(failures.length === 0, `${failures.length} routes answer otherwise:\n${failures.join("\n")}`);
  });
});
