import * as assert from "assert";
import { addHost, items, start, tenantWithUser, type Api, type Json, type TestController } from "./helpers";

type Operation = { operationId: string; security?: unknown[] };

/**
 * Tenant isolation over every route of the OpenAPI document: a user of tenant A, given the ids of tenant B's
 * objects, is refused (403/404) and never sees B's data. A route the table below does not classify fails
 * the test, so a new route cannot skip the check.
 */
describe("controller tenant isolation (every route of /v1/openapi.json)", () => {
  let t: TestController;
  let a: Api;
  let b: Api;
  const ids: Record<string, string> = {};
  const secrets: string[] = [];

  before(async () => {
    t = await start({ faults: {} });
    ids["host"] = await addHost(t, "10.8.0.1");
    a = (await tenantWithUser(t, "alpha")).user;
    const tb = await tenantWithUser(t, "bravosecret");
    b = tb.user;
    ids["tenant"] = tb.tenantId;
    ids["project"] = tb.projectId;
    ids["network"] = await b.done(
      b.post(`/v1/projects/${tb.projectId}/networks`, { name: "bravosecret-net" }),
    );
    ids["subnet"] = await b.done(
      b.post(`/v1/networks/${ids["network"]}/subnets`, { name: "bravosecret-sub" }),
    );
    const clusterTask = await b.task(
      await b.post(`/v1/projects/${tb.projectId}/services`, {
        name: "bravosecret-k8s",
        type: "KUBERNETES",
        workerCount: 1,
      }),
    );
    ids["task"] = String(clusterTask["id"]);
    ids["service"] = String((clusterTask["entity"] as Json)["id"]);
    ids["disk"] = await b.done(
      b.post(`/v1/projects/${tb.projectId}/disks`, {
        name: "bravosecret-disk",
        kind: "persistent-disk",
        flavor: "standard-disk",
        capacityGb: 1,
      }),
    );
    ids["vm"] = String(items(await b.get(`/v1/services/${ids["service"]}/vms`))[0]?.["id"]);
    ids["pool"] = await t.admin.done(
      t.admin.post("/v1/infrastructure/storage-pools", {
        name: "pool",
        hostIds: [ids["host"]],
        capacityGb: 1,
      }),
    );
    ids["zone"] = await t.admin.done(t.admin.post("/v1/zones", { name: "zone" }));
    ids["datastore"] = String(items(await t.admin.get("/v1/infrastructure/datastores"))[0]?.["id"]);
    ids["flavor"] = String(items(await t.admin.get("/v1/flavors"))[0]?.["id"]);
    ids["image"] = String(items(await t.admin.get("/v1/images"))[0]?.["id"]);
    ids["username"] = "bravosecret-user";
    secrets.push(
      "bravosecret",
      ids["tenant"],
      ids["project"],
      ids["network"],
      ids["subnet"],
      ids["service"],
      ids["disk"],
      ids["vm"],
    );
  });
  after(async () => t.close());

  /** Path prefix -> the id to use and what a tenant user may get: refused (403/404) or shared (200 on GET). */
  const table: [RegExp, string, "tenantB" | "admin" | "shared"][] = [
    [/^\/v1\/tenants\/\{id\}/, "tenant", "tenantB"],
    [/^\/v1\/projects\/\{id\}/, "project", "tenantB"],
    [/^\/v1\/networks\/\{id\}/, "network", "tenantB"],
    [/^\/v1\/subnets\/\{id\}/, "subnet", "tenantB"],
    [/^\/v1\/services\/\{id\}/, "service", "tenantB"],
    [/^\/v1\/disks\/\{id\}/, "disk", "tenantB"],
    [/^\/v1\/vms\/\{id\}/, "vm", "tenantB"],
    [/^\/v1\/tasks\/\{id\}/, "task", "tenantB"],
    [/^\/v1\/infrastructure\/hosts\/\{id\}/, "host", "admin"],
    [/^\/v1\/infrastructure\/storage-pools\/\{id\}/, "pool", "admin"],
    [/^\/v1\/infrastructure\/datastores\/\{id\}/, "datastore", "admin"],
    [/^\/v1\/zones\/\{id\}/, "zone", "admin"],
    [/^\/v1\/system\/users\/\{username\}/, "username", "admin"],
    [/^\/v1\/flavors\/\{id\}/, "flavor", "shared"],
    [/^\/v1\/images\/\{id\}/, "image", "shared"],
  ];

  /** A secret of tenant B found in a body; an error message may repeat the id the caller gave. */
  function leaks(body: Json): string | undefined {
    const text = JSON.stringify({ ...body, message: undefined });
    return secrets.find((s) => text.includes(s));
  }

  /**
   * Tenant A calls every route of the OpenAPI document on tenant B's objects, asserting each answer;
   * answers how many routes it called.
   */
  async function walkEveryRouteAsTenantA(): Promise<number> {
    const doc = await t.anon.get("/v1/openapi.json");
    const paths = doc.body["paths"] as Record<string, Record<string, Operation>>;
    let checked = 0;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.security && op.security.length === 0) continue; // open routes: token endpoint, auth info, available
        const verb = method.toUpperCase();
        const label = `${verb} ${path} (${op.operationId})`;
        const row = table.find(([re]) => re.test(path));
        if (!path.includes("{")) {
          const res = await a.call(verb, path, verb === "GET" ? undefined : {});
          if (verb !== "GET")
            assert.strictEqual(res.status, 403, `${label} must be admin only: ${JSON.stringify(res.body)}`);
          assert.ok([200, 403].includes(res.status), `${label}: ${res.status}`);
          assert.strictEqual(leaks(res.body), undefined, `${label} leaks ${leaks(res.body)}`);
          checked++;
          continue;
        }
        assert.ok(row, `${label} is not classified in the isolation table`);
        const [, key, kind] = row;
        const url = path.replace(/\{[^}]+\}/, ids[key] ?? "");
        const res = await a.call(verb, url, verb === "GET" ? undefined : {});
        if (kind === "shared" && verb === "GET") assert.strictEqual(res.status, 200, label);
        else {
          assert.ok(
            [403, 404].includes(res.status),
            `${label} answered ${res.status} ${JSON.stringify(res.body)}`,
          );
          assert.ok(!leaks(res.body), `${label} leaks ${leaks(res.body)}`);
        }
        checked++;
      }
    }
    return checked;
  }

  it("refuses tenant B's objects to tenant A on every route and never shows them", async () => {
    const checked = await walkEveryRouteAsTenantA();
    assert.ok(checked > 80, `${checked} routes checked`);
  });

  it("after tenant A called every route on them, tenant B's objects are all still there, untouched", async () => {
    await walkEveryRouteAsTenantA();
    assert.strictEqual((await b.get(`/v1/services/${ids["service"]}`)).body["state"], "READY");
    assert.strictEqual((await b.get(`/v1/networks/${ids["network"]}`)).body["state"], "READY");
    assert.strictEqual((await b.get(`/v1/disks/${ids["disk"]}`)).body["state"], "DETACHED");
    assert.strictEqual(items(await b.get(`/v1/tenants`)).length, 1);
  });

  it("filters and lists never show another tenant's tasks", async () => {
    assert.strictEqual(items(await a.get(`/v1/tasks?entityId=${ids["service"]}`)).length, 0);
    const all = await a.get("/v1/tasks?pageSize=100");
    assert.strictEqual(leaks(all.body), undefined);
  });
});
