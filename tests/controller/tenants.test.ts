import * as assert from "assert";
import { addHost, items, start, tenantWithUser, type Json, type TestController } from "./helpers";

describe("controller tenants, projects and quotas", () => {
  let t: TestController;
  before(async () => {
    t = await start();
    await addHost(t, "10.1.0.1");
  });
  after(async () => t.close());

  it("creates, reads, lists and deletes a tenant; a second one of the same name is NameTaken", async () => {
    const id = await t.admin.done(
      t.admin.post("/v1/tenants", { name: "acme", securityGroups: ["acme\\devs"] }),
    );
    const got = await t.admin.get(`/v1/tenants/${id}`);
    assert.deepStrictEqual(got.body, {
      id,
      kind: "tenant",
      selfLink: `${t.c.url}/v1/tenants/${id}`,
      name: "acme",
      securityGroups: ["acme\\devs"],
      quota: { quotaItems: {} },
      tags: [],
    });
    const again = await t.admin.post("/v1/tenants", { name: "acme" });
    assert.deepStrictEqual(again.body, {
      code: "NameTaken",
      message: "tenant name acme is already taken",
      data: {},
    });
    assert.strictEqual(items(await t.admin.get("/v1/tenants?name=acme")).length, 1);
    const tasks = await t.admin.get(`/v1/tenants/${id}/tasks`);
    assert.strictEqual((items(tasks)[0] as Json)["operation"], "CREATE_TENANT");
    await t.admin.done(t.admin.del(`/v1/tenants/${id}`));
    assert.strictEqual((await t.admin.get(`/v1/tenants/${id}`)).status, 404);
  });

  it("sets security groups (admin only)", async () => {
    const { tenantId, user } = await tenantWithUser(t, "groups");
    const refused = await user.post(`/v1/tenants/${tenantId}/set_security_groups`, { items: ["x\\y"] });
    assert.strictEqual(refused.status, 403);
    await t.admin.done(
      t.admin.post(`/v1/tenants/${tenantId}/set_security_groups`, { items: ["groups\\members", "other\\g"] }),
    );
    assert.deepStrictEqual((await t.admin.get(`/v1/tenants/${tenantId}`)).body["securityGroups"], [
      "groups\\members",
      "other\\g",
    ]);
  });

  it("refuses to delete a tenant with projects (ContainerNotEmpty)", async () => {
    const { tenantId } = await tenantWithUser(t, "full");
    const a = await t.admin.del(`/v1/tenants/${tenantId}`);
    assert.deepStrictEqual(
      [a.status, a.body["code"], a.body["message"]],
      [400, "ContainerNotEmpty", `tenant ${tenantId} still has projects`],
    );
  });

  it("projects: create, NameTaken in the tenant, list, get, security groups, delete", async () => {
    const { tenantId, projectId, user } = await tenantWithUser(t, "proj");
    const dup = await user.post(`/v1/tenants/${tenantId}/projects`, { name: "proj-project" });
    assert.strictEqual(dup.body["code"], "NameTaken");
    const bad = await user.post(`/v1/tenants/${tenantId}/projects`, {
      name: "p2",
      defaultRouterPrivateIpCidr: "10.0.0.1/8",
    });
    assert.strictEqual(
      bad.body["message"],
      'defaultRouterPrivateIpCidr must have no host bits set (use 10.0.0.0/8) (was "10.0.0.1/8")',
    );
    assert.strictEqual(items(await user.get(`/v1/tenants/${tenantId}/projects`)).length, 1);
    const got = await user.get(`/v1/projects/${projectId}`);
    assert.strictEqual(got.body["defaultRouterPrivateIpCidr"], "10.0.0.0/8");
    await user.done(user.post(`/v1/projects/${projectId}/set_security_groups`, { items: ["proj\\ops"] }));
    assert.deepStrictEqual((await user.get(`/v1/projects/${projectId}`)).body["securityGroups"], [
      "proj\\ops",
    ]);
    assert.deepStrictEqual(
      items(await user.get(`/v1/projects/${projectId}/tasks`))
        .map((x) => x["operation"])
        .sort(),
      ["CREATE_PROJECT", "SET_PROJECT_SECURITY_GROUPS"],
    );
    await user.done(user.del(`/v1/projects/${projectId}`));
    assert.strictEqual((await user.get(`/v1/projects/${projectId}`)).body["code"], "ProjectNotFound");
  });

  it("quota: GET, PUT replaces, PATCH merges, DELETE removes keys; tenant quota writes are admin only", async () => {
    const { tenantId, projectId, user } = await tenantWithUser(t, "quota", {
      vm: { limit: 10, unit: "COUNT" },
    });
    assert.deepStrictEqual((await user.get(`/v1/tenants/${tenantId}/quota`)).body, {
      quotaItems: { vm: { limit: 10, unit: "COUNT", usage: 0 } },
    });
    assert.strictEqual((await user.put(`/v1/tenants/${tenantId}/quota`, { quotaItems: {} })).status, 403);
    await t.admin.done(
      t.admin.put(`/v1/tenants/${tenantId}/quota`, {
        quotaItems: { "vm.cpu": { limit: 64, unit: "COUNT" } },
      }),
    );
    await t.admin.done(
      t.admin.patch(`/v1/tenants/${tenantId}/quota`, { quotaItems: { vm: { limit: 5, unit: "COUNT" } } }),
    );
    const q = (await t.admin.get(`/v1/tenants/${tenantId}/quota`)).body["quotaItems"] as Json;
    assert.deepStrictEqual(Object.keys(q).sort(), ["vm", "vm.cpu"]);
    await t.admin.done(t.admin.del(`/v1/tenants/${tenantId}/quota`, { quotaItems: { vm: {} } }));
    assert.deepStrictEqual(
      Object.keys((await t.admin.get(`/v1/tenants/${tenantId}/quota`)).body["quotaItems"] as Json),
      ["vm.cpu"],
    );
    await user.done(
      user.put(`/v1/projects/${projectId}/quota`, { quotaItems: { vm: { limit: 2, unit: "COUNT" } } }),
    );
    await user.done(
      user.patch(`/v1/projects/${projectId}/quota`, {
        quotaItems: { "vm.memory": { limit: 64, unit: "GB" } },
      }),
    );
    await user.done(user.del(`/v1/projects/${projectId}/quota`, { quotaItems: { "vm.memory": {} } }));
    assert.deepStrictEqual((await user.get(`/v1/projects/${projectId}/quota`)).body, {
      quotaItems: { vm: { limit: 2, unit: "COUNT", usage: 0 } },
    });
  });

  it("a cluster over the project's quota fails its task with QuotaError; usage is counted and given back", async () => {
    const { projectId, tenantId, user } = await tenantWithUser(t, "over");
    await user.done(
      user.put(`/v1/projects/${projectId}/quota`, { quotaItems: { vm: { limit: 3, unit: "COUNT" } } }),
    );
    const err = await user.fails(
      user.post(`/v1/projects/${projectId}/services`, { name: "big", type: "KUBERNETES", workerCount: 5 }),
    );
    assert.strictEqual(err["code"], "QuotaError");
    assert.strictEqual(
      err["message"],
      `Not enough quota for vm: limit 3 COUNT, desired usage 7 COUNT (project ${projectId})`,
    );
    const ok = await user.done(
      user.post(`/v1/projects/${projectId}/services`, { name: "small", type: "KUBERNETES", workerCount: 1 }),
    );
    const usage = (await user.get(`/v1/projects/${projectId}/quota`)).body["quotaItems"] as Record<
      string,
      Json
    >;
    assert.strictEqual(usage["vm"]?.["usage"], 3);
    const lower = await user.put(`/v1/projects/${projectId}/quota`, {
      quotaItems: { vm: { limit: 2, unit: "COUNT" } },
    });
    assert.strictEqual(lower.body["message"], "quotaItems.vm.limit must not be below usage 3 (was 2)");
    await t.admin.done(
      t.admin.put(`/v1/tenants/${tenantId}/quota`, {
        quotaItems: { "vm.cpu": { limit: 100, unit: "COUNT" } },
      }),
    );
    await user.done(user.del(`/v1/services/${ok}`));
    const big = items(await user.get(`/v1/projects/${projectId}/services?name=big`))[0] as Json;
    assert.strictEqual(big["state"], "FATAL_ERROR");
    await user.done(user.del(`/v1/services/${String(big["id"])}`));
    const after = (await user.get(`/v1/projects/${projectId}/quota`)).body["quotaItems"] as Record<
      string,
      Json
    >;
    assert.strictEqual(after["vm"]?.["usage"], 0);
  });

  it("a project that holds things needs ?force=true to be deleted", async () => {
    const { projectId, user } = await tenantWithUser(t, "force");
    await user.done(user.post(`/v1/projects/${projectId}/networks`, { name: "n1" }));
    await user.done(
      user.post(`/v1/projects/${projectId}/services`, { name: "c1", type: "KUBERNETES", workerCount: 1 }),
    );
    const refused = await user.del(`/v1/projects/${projectId}`);
    assert.deepStrictEqual(
      [refused.body["code"], refused.body["message"]],
      ["ContainerNotEmpty", `project ${projectId} still holds 1 cluster(s), 1 network(s), 0 disk(s)`],
    );
    await user.done(user.del(`/v1/projects/${projectId}?force=true`));
    const hosts = items(await t.admin.get("/v1/infrastructure/hosts"));
    for (const h of hosts)
      assert.strictEqual(
        items(await t.admin.get(`/v1/infrastructure/hosts/${String(h["id"])}/vms`)).filter(
          (vm) => vm["projectId"] === projectId,
        ).length,
        0,
      );
  });
});
