import * as assert from "assert";
import { describe as describeError, isNotFound, PhotonError } from "../../../../provider/client/errors";
import { splitLink, taskError } from "../../../../provider/client/client";
import { Limiter } from "../../../../provider/client/limiter";
import { TokenSource } from "../../../../provider/client/auth";

describe("client errors", () => {
  it("describes an API failure in one sentence with code, status and request id", () => {
    const e = new PhotonError({
      status: 400,
      code: "NameTaken",
      message: "Tenant name 'acme' already taken.",
      requestId: "r-1",
      method: "POST",
      path: "/v1/tenants",
    });
    assert.strictEqual(
      e.message,
      "Photon API POST /v1/tenants: NameTaken: Tenant name 'acme' already taken (HTTP 400, request id r-1)",
    );
  });

  it("describes a task failure with its failed step", () => {
    const e = taskError(
      {
        id: "t1",
        state: "ERROR",
        operation: "CREATE_HOST",
        steps: [
          { sequence: 0, state: "COMPLETED", operation: "CHECK_HOST" },
          {
            sequence: 1,
            state: "ERROR",
            operation: "PROVISION_HOST",
            errors: [{ code: "DuplicateHost", message: "host 10.0.0.1 exists" }],
          },
        ],
      },
      "r-9",
    );
    assert.strictEqual(e.code, "DuplicateHost");
    assert.deepStrictEqual(e.step, { operation: "PROVISION_HOST", sequence: 1 });
    assert.strictEqual(
      e.message,
      "Photon task CREATE_HOST failed at step PROVISION_HOST (#1): DuplicateHost: host 10.0.0.1 exists (request id r-9)",
    );
  });

  it("masks secrets in message and data", () => {
    const e = new PhotonError({
      status: 400,
      code: "InvalidEntity",
      message: "password too short (was hunter2)",
      data: { password: "hunter2" },
    });
    const r = e.redacted(["hunter2"]);
    assert.strictEqual(r.detail, "password too short (was [secret])");
    assert.deepStrictEqual(r.data, { password: "[secret]" });
    assert.ok(!r.message.includes("hunter2"));
  });

  it("treats typed not-found codes as not found, but not PageExpired", () => {
    assert.ok(isNotFound(new PhotonError({ status: 404, code: "HostNotFound", message: "" })));
    assert.ok(!isNotFound(new PhotonError({ status: 404, code: "PageExpired", message: "" })));
    assert.ok(!isNotFound(new Error("x")));
  });

  it("omits empty facts", () => {
    assert.strictEqual(describeError({ code: "Timeout", message: "waited." }), "Photon API: Timeout: waited");
  });

  it("splits a relative page link", () => {
    assert.deepStrictEqual(splitLink("/v1/tasks?pageLink=abc%3D&x=1"), [
      "/v1/tasks",
      { pageLink: "abc=", x: "1" },
    ]);
  });
});

describe("client limiter", () => {
  it("never runs more than its limit at once", async () => {
    const limiter = new Limiter(3);
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          peak = Math.max(peak, limiter.inFlight);
          await new Promise((r) => setTimeout(r, 1));
        }),
      ),
    );
    assert.strictEqual(peak, 3);
    assert.strictEqual(limiter.inFlight, 0);
  });
});

describe("client token source", () => {
  it("uses a password grant, renews through the refresh grant, and shares one request", async () => {
    const forms: Array<Record<string, string>> = [];
    let now = 0;
    const source = new TokenSource(
      { username: "admin", password: "pw" },
      async (form) => {
        forms.push(form);
        return { access_token: `t${forms.length}`, refresh_token: "rt", expires_in: 7200 };
      },
      () => now,
    );
    const [a, b] = await Promise.all([source.current(), source.current()]);
    assert.deepStrictEqual([a, b], ["t1", "t1"]);
    now = 7200_000;
    assert.strictEqual(await source.current(), "t2");
    assert.deepStrictEqual(
      forms.map((f) => f.grant_type),
      ["password", "refresh_token"],
    );
  });

  it("a static token is not renewable", async () => {
    const source = new TokenSource({ token: "static" }, async () => ({ access_token: "x" }));
    assert.strictEqual(await source.current(), "static");
    await assert.rejects(source.renew(), /cannot be renewed/);
  });
});
