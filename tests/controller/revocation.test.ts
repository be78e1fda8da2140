import * as assert from "assert";
import { login, start, tenantWithUser, tokenGrant as grant, type Api, type TestController } from "./helpers";

async function tokensOf(t: TestController, username: string, password: string) {
  const a = await grant(t.c.url, { grant_type: "password", username, password });
  assert.strictEqual(a.status, 200, JSON.stringify(a.body));
  return { access: String(a.body["access_token"]), refresh: String(a.body["refresh_token"]) };
}

/** The answer a token gets now: its status and code on a tenant's own list, and on the refresh grant. */
async function standing(t: TestController, tokens: { access: string; refresh: string }, path: string) {
  const read = await t.anon.as(tokens.access).get(path);
  const renewed = await grant(t.c.url, { grant_type: "refresh_token", refresh_token: tokens.refresh });
  return [read.status, read.body["code"] ?? "ok", renewed.status, renewed.body["code"] ?? "ok"];
}

const REVOKED = [401, "InvalidAuthToken", 400, "InvalidGrant"];
const VALID = [200, "ok", 200, "ok"];

describe("controller tokens are bound to an identity that cannot be reused", () => {
  let t: TestController;
  let a: { tenantId: string; user: Api };
  let b: { tenantId: string };
  beforeEach(async () => {
    t = await start();
    a = await tenantWithUser(t, "reva");
    b = await tenantWithUser(t, "revb");
  });
  afterEach(async () => t.close());

  it("a deleted user's access and refresh tokens stay dead when the name is reused with other groups", async () => {
    const old = await tokensOf(t, "reva-user", "pw");
    assert.deepStrictEqual(await standing(t, old, `/v1/tenants/${a.tenantId}`), VALID);
    assert.strictEqual((await t.admin.del("/v1/system/users/reva-user")).status, 204);
    const again = await t.admin.post("/v1/system/users", {
      username: "reva-user",
      password: "pw",
      groups: ["revb\\members"],
    });
    assert.strictEqual(again.status, 201);
    assert.deepStrictEqual(await standing(t, old, `/v1/tenants/${b.tenantId}`), REVOKED);
    const fresh = await tokensOf(t, "reva-user", "pw");
    assert.deepStrictEqual(await standing(t, fresh, `/v1/tenants/${b.tenantId}`), VALID);
  });

  it("changing a user's password revokes its tokens; the new password logs in", async () => {
    const old = await tokensOf(t, "reva-user", "pw");
    const changed = await t.admin.patch("/v1/system/users/reva-user", { password: "pw2" });
    assert.deepStrictEqual(
      [changed.status, changed.body],
      [200, { username: "reva-user", groups: ["reva\\members"] }],
    );
    assert.deepStrictEqual(await standing(t, old, `/v1/tenants/${a.tenantId}`), REVOKED);
    assert.strictEqual(
      (await grant(t.c.url, { grant_type: "password", username: "reva-user", password: "pw" })).status,
      400,
    );
    assert.deepStrictEqual(
      await standing(t, await tokensOf(t, "reva-user", "pw2"), `/v1/tenants/${a.tenantId}`),
      VALID,
    );
  });

  it("changing a user's groups revokes its tokens: no token keeps rights the user lost", async () => {
    const old = await tokensOf(t, "reva-user", "pw");
    const moved = await t.admin.patch("/v1/system/users/reva-user", { groups: ["revb\\members"] });
    assert.strictEqual(moved.status, 200);
    assert.deepStrictEqual(await standing(t, old, `/v1/tenants/${a.tenantId}`), REVOKED);
    const fresh = await login(t.anon, "reva-user", "pw");
    assert.strictEqual((await fresh.get(`/v1/tenants/${a.tenantId}`)).status, 403);
    assert.strictEqual((await fresh.get(`/v1/tenants/${b.tenantId}`)).status, 200);
  });

  it("a user update takes only password and groups, by an admin, and answers 404 for an unknown user", async () => {
    const renamed = await t.admin.patch("/v1/system/users/reva-user", { username: "revb-user" });
    assert.deepStrictEqual([renamed.status, renamed.body["code"]], [400, "InvalidEntity"]);
    assert.strictEqual(renamed.body["message"], 'username is not a writable property (was "revb-user")');
    const byUser = await a.user.patch("/v1/system/users/reva-user", { groups: ["photon\\admins"] });
    assert.deepStrictEqual([byUser.status, byUser.body["code"]], [403, "AccessForbidden"]);
    const missing = await t.admin.patch("/v1/system/users/nobody", { password: "x" });
    assert.deepStrictEqual([missing.status, missing.body["code"]], [404, "UserNotFound"]);
  });

  it("the configured admin's tokens die when its password changes across a restart", async () => {
    const dataDir = t.dataDir;
    const token = await t.c.adminToken();
    await t.c.close();
    const same = await start({ dataDir });
    try {
      assert.strictEqual((await same.anon.as(token).get("/v1/tenants")).status, 200);
    } finally {
      await same.c.close();
    }
    const changed = await start({ dataDir, adminPassword: "another-admin-password" });
    try {
      const a = await changed.anon.as(token).get("/v1/tenants");
      assert.deepStrictEqual([a.status, a.body["code"]], [401, "InvalidAuthToken"]);
    } finally {
      await changed.c.close();
      t = await start();
    }
  });
});
