import * as assert from "assert";
import { items, start, type TestController } from "./helpers";

describe("controller server", () => {
  let t: TestController;
  before(async () => (t = await start()));
  after(async () => t.close());

  it("answers every request with a REQUEST-ID header", async () => {
    const a = await t.anon.get("/v1/available");
    assert.strictEqual(a.status, 200);
    assert.match(a.headers.get("request-id") ?? "", /^[0-9a-f-]{36}$/);
    const e = await t.anon.get("/v1/tenants");
    assert.match(e.headers.get("request-id") ?? "", /^[0-9a-f-]{36}$/);
  });

  it("publishes the OpenAPI document from the route schemas", async () => {
    const doc = await t.anon.get("/v1/openapi.json");
    assert.strictEqual(doc.status, 200);
    const paths = doc.body["paths"] as Record<
      string,
      Record<string, { operationId: string; requestBody?: unknown }>
    >;
    assert.strictEqual(paths["/v1/tenants"]?.["post"]?.operationId, "createTenant");
    assert.ok(paths["/v1/tenants"]?.["post"]?.requestBody, "request body schema published");
    assert.ok(paths["/v1/services/{id}/resize"]?.["post"]);
    assert.strictEqual(
      paths["/v1/infrastructure/hosts/{id}/fail"],
      undefined,
      "fault routes only with faults",
    );
    const ops = Object.values(paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
    assert.strictEqual(new Set(ops).size, ops.length, "operation ids are unique");
    assert.ok(ops.length > 80, `${ops.length} operations`);
  });

  it("answers InvalidEntity shaped <property> <problem> (was <value>)", async () => {
    const a = await t.admin.post("/v1/tenants", { name: "1bad" });
    assert.deepStrictEqual(a.body, {
      code: "InvalidEntity",
      message: 'name must start with a letter and hold only letters, digits and dashes (was "1bad")',
      data: {},
    });
    const b = await t.admin.post("/v1/tenants", {});
    assert.deepStrictEqual(b.body, {
      code: "InvalidEntity",
      message: "name may not be null (was null)",
      data: {},
    });
  });

  it("never repeats the value of a secret property in an InvalidEntity message", async () => {
    const a = await t.admin.post("/v1/infrastructure/hosts", {
      address: "10.1.0.1",
      username: "root",
      password: { value: "hunter2" },
    });
    assert.deepStrictEqual(a.body, {
      code: "InvalidEntity",
      message: "password must be string (was <hidden>)",
      data: {},
    });
  });

  it("answers InvalidJson for a body that is not JSON", async () => {
    const res = await fetch(`${t.c.url}/v1/tenants`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.admin.token}`, "content-type": "application/json" },
      body: "{bad",
    });
    assert.strictEqual(res.status, 400);
    assert.strictEqual(((await res.json()) as { code: string }).code, "InvalidJson");
  });

  it("answers NotFound for an unknown route and typed 404s for unknown ids", async () => {
    assert.strictEqual((await t.admin.get("/v1/nothing")).body["code"], "NotFound");
    const a = await t.admin.get("/v1/tenants/nope");
    assert.strictEqual(a.status, 404);
    assert.strictEqual(a.body["code"], "TenantNotFound");
  });

  it("paginates with nextPageLink, checks pageSize, expires unknown links", async () => {
    for (const name of ["pa", "pb", "pc"]) await t.admin.done(t.admin.post("/v1/tenants", { name }));
    const first = await t.admin.get("/v1/tenants?pageSize=2");
    assert.strictEqual(items(first).length, 2);
    const next = String(first.body["nextPageLink"]);
    assert.match(next, /^\/v1\/tenants\?pageLink=/);
    const second = await t.admin.get(next);
    assert.strictEqual(items(second).length, 1);
    assert.strictEqual(second.body["nextPageLink"], null);
    assert.match(String(second.body["previousPageLink"]), /pageLink=/);
    assert.strictEqual((await t.admin.get("/v1/tenants?pageSize=101")).body["code"], "InvalidPageSize");
    assert.strictEqual((await t.admin.get("/v1/tenants?pageSize=0")).body["code"], "InvalidPageSize");
    const expired = await t.admin.get("/v1/tenants?pageLink=unknown");
    assert.deepStrictEqual([expired.status, expired.body["code"]], [404, "PageExpired"]);
  });

  it("filters lists by name and by tags", async () => {
    await t.admin.done(t.admin.post("/v1/tenants", { name: "tagged", tags: ["pulumi:urn-1", "team:a"] }));
    assert.strictEqual(items(await t.admin.get("/v1/tenants?name=tagged")).length, 1);
    assert.strictEqual(items(await t.admin.get("/v1/tenants?tag=pulumi:urn-1&tag=team:a")).length, 1);
    assert.strictEqual(items(await t.admin.get("/v1/tenants?tag=pulumi:urn-1&tag=team:b")).length, 0);
  });
});
