import * as assert from "assert";
import { login, start, tenantWithUser, tokenGrant as token, type Json, type TestController } from "./helpers";

describe("controller auth", () => {
  let t: TestController;
  // Tokens outlive every test here; the expiry test makes its own short-lived controller.
  before(async () => (t = await start({ tokenTtlSeconds: 60 })));
  after(async () => t.close());

  it("issues tokens for the password grant and renews them with the refresh grant", async () => {
    const a = await token(t.c.url, {
      grant_type: "password",
      username: "admin",
      password: "photon-admin",
      scope: "openid offline_access rs_photon_platform at_groups",
    });
    assert.strictEqual(a.status, 200);
    assert.deepStrictEqual(Object.keys(a.body).sort(), [
      "access_token",
      "expires_in",
      "id_token",
      "refresh_token",
      "token_type",
    ]);
    assert.strictEqual(a.body["token_type"], "Bearer");
    assert.strictEqual(a.body["expires_in"], 60);
    const r = await token(t.c.url, {
      grant_type: "refresh_token",
      refresh_token: String(a.body["refresh_token"]),
    });
    assert.strictEqual(r.status, 200);
    assert.ok(r.body["access_token"]);
  });

  it("refuses a wrong password and a bad refresh token", async () => {
    const a = await token(t.c.url, { grant_type: "password", username: "admin", password: "nope" });
    assert.deepStrictEqual([a.status, a.body["code"]], [400, "InvalidGrant"]);
    const r = await token(t.c.url, { grant_type: "refresh_token", refresh_token: "x.y.z" });
    assert.deepStrictEqual([r.status, r.body["code"]], [400, "InvalidGrant"]);
  });

  it("answers the bearer codes of the reference", async () => {
    const missing = await t.anon.get("/v1/tenants");
    assert.deepStrictEqual([missing.status, missing.body["code"]], [401, "MissingAuthToken"]);
    const malformed = await t.anon.call("GET", "/v1/tenants", undefined, { authorization: "Basic abc" });
    assert.deepStrictEqual([malformed.status, malformed.body["code"]], [400, "MalformedAuthToken"]);
    const invalid = await t.anon.as("not-a-token").get("/v1/tenants");
    assert.deepStrictEqual([invalid.status, invalid.body["code"]], [401, "InvalidAuthToken"]);
    const forged = await t.anon.as(`${String(t.admin.token).slice(0, -3)}abc`).get("/v1/tenants");
    assert.strictEqual(forged.body["code"], "InvalidAuthToken");
  });

  it("answers ExpiredAuthToken once the token's lifetime is over", async () => {
    // Expiry is in whole seconds from the second the token was issued in, so a 2 s token lives 1 to 2 s.
    const short = await start({ tokenTtlSeconds: 2 });
    try {
      const api = await login(short.anon, "admin", "photon-admin");
      assert.strictEqual((await api.get("/v1/tenants")).status, 200);
      await new Promise((r) => setTimeout(r, 2100));
      const a = await api.get("/v1/tenants");
      assert.deepStrictEqual([a.status, a.body["code"]], [401, "ExpiredAuthToken"]);
    } finally {
      await short.close();
    }
  });

  it("serves the open routes without a token", async () => {
    const a = await t.anon.get("/v1/system/auth");
    assert.strictEqual(a.status, 200);
    assert.strictEqual(a.body["endpoint"], "127.0.0.1");
    assert.strictEqual((await t.anon.get("/v1/available")).status, 200);
  });

  it("manages users (admin only) and refuses a duplicate name", async () => {
    const admin = await login(t.anon, "admin", "photon-admin");
    const created = await admin.post("/v1/system/users", {
      username: "alice",
      password: "pw",
      groups: ["acme\\devs"],
    });
    assert.deepStrictEqual(
      [created.status, created.body],
      [201, { username: "alice", groups: ["acme\\devs"] }],
    );
    assert.strictEqual(
      (await admin.post("/v1/system/users", { username: "alice", password: "pw", groups: [] })).body["code"],
      "NameTaken",
    );
    assert.strictEqual(
      (await admin.post("/v1/system/users", { username: "bob", password: "pw", groups: ["nodomain"] })).body[
        "code"
      ],
      "InvalidEntity",
    );
    const listed = await admin.get("/v1/system/users");
    assert.ok((listed.body["items"] as Json[]).some((u) => u["username"] === "alice"));
    const alice = await login(t.anon, "alice", "pw");
    const refused = await alice.get("/v1/system/users");
    assert.deepStrictEqual([refused.status, refused.body["code"]], [403, "AccessForbidden"]);
    assert.strictEqual((await admin.del("/v1/system/users/alice")).status, 204);
    assert.strictEqual((await admin.del("/v1/system/users/alice")).body["code"], "UserNotFound");
  });

  it("a user sees only the tenants of its groups", async () => {
    const t2 = await start();
    try {
      const a = await tenantWithUser(t2, "isoa");
      await tenantWithUser(t2, "isob");
      const listed = await a.user.get("/v1/tenants");
      assert.deepStrictEqual(
        (listed.body["items"] as Json[]).map((x) => x["name"]),
        ["isoa"],
      );
    } finally {
      await t2.close();
    }
  });
});
