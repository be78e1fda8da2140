import * as assert from "assert";
import * as http from "http";
import { addHost, items, start, tempDir, tenantWithUser, type Json } from "./helpers";

function rawStatus(
  url: string,
  token: string,
): Promise<{ status?: number; retryAfter?: string; reset?: boolean }> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/v1/tenants`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode, retryAfter: res.headers["retry-after"] as string | undefined });
    });
    req.on("error", () => resolve({ reset: true }));
  });
}

describe("controller tasks and fault injection", () => {
  it("tasks carry steps with times; lists filter by entity, kind and state", async () => {
    const t = await start({ taskStepDelayMs: 20 });
    try {
      const hostTask = await t.admin.post("/v1/infrastructure/hosts", {
        address: "10.4.0.1",
        username: "r",
        password: "p",
      });
      assert.strictEqual(hostTask.status, 201);
      assert.ok(["QUEUED", "STARTED"].includes(String(hostTask.body["state"])));
      const done = await t.admin.task(hostTask);
      const steps = done["steps"] as Json[];
      assert.deepStrictEqual(
        steps.map((s) => [s["operation"], s["state"]]),
        [
          ["CHECK_HOST", "COMPLETED"],
          ["PROVISION_HOST", "COMPLETED"],
        ],
      );
      assert.ok(Number(done["endTime"]) - Number(done["startedTime"]) >= 40, "two steps of 20 ms");
      const entityId = String((done["entity"] as Json)["id"]);
      assert.strictEqual(
        items(await t.admin.get(`/v1/tasks?entityId=${entityId}&state=COMPLETED`)).length,
        1,
      );
      assert.strictEqual(items(await t.admin.get(`/v1/tasks?entityKind=host`)).length, 1);
      assert.strictEqual(items(await t.admin.get(`/v1/tasks?entityKind=host&state=ERROR`)).length, 0);
      assert.strictEqual((await t.admin.get("/v1/tasks/nope")).body["code"], "TaskNotFound");
    } finally {
      await t.close();
    }
  });

  it("answers a share of requests 503 and 429 with Retry-After, and resets others", async () => {
    const t = await start({
      faults: { unavailableRate: 0.3, throttleRate: 0.3, resetRate: 0.2, retryAfterSeconds: 2, seed: 7 },
    });
    try {
      const token = await t.c.adminToken();
      const seen = new Map<string, number>();
      for (let i = 0; i < 60; i++) {
        const r = await rawStatus(t.c.url, token);
        const key = r.reset ? "reset" : String(r.status);
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (r.status === 503 || r.status === 429) assert.strictEqual(r.retryAfter, "2");
      }
      for (const key of ["200", "503", "429", "reset"])
        assert.ok((seen.get(key) ?? 0) > 0, `${key} seen: ${JSON.stringify([...seen])}`);
      assert.strictEqual((await t.anon.get("/v1/openapi.json")).status, 200, "the document is never faulted");
    } finally {
      await t.close();
    }
  });

  it("loses the response of a write that took effect (lostResponseRate)", async () => {
    const t = await start({ faults: { lostResponseRate: 1 } });
    try {
      await assert.rejects(t.admin.post("/v1/tenants", { name: "ghost" }));
      assert.strictEqual(items(await t.admin.get("/v1/tenants?name=ghost")).length, 1, "the write happened");
    } finally {
      await t.close();
    }
  });

  it("fails asynchronous steps on demand, with the cause in the failed step", async () => {
    const t = await start({ faults: { stepFailureRate: 1 } });
    try {
      await t.admin.post("/v1/infrastructure/hosts", { address: "10.4.0.2", username: "r", password: "p" });
      const { projectId, user } = await tenantWithUser(t, "flaky");
      assert.strictEqual(
        items(await t.admin.get("/v1/infrastructure/hosts"))[0]?.["state"],
        "READY",
        "synchronous steps never fail",
      );
      const err = await user.fails(
        user.post(`/v1/projects/${projectId}/services`, { name: "k", type: "KUBERNETES", workerCount: 1 }),
      );
      assert.deepStrictEqual(err, {
        code: "InternalError",
        message: "injected failure of step SETUP_KUBERNETES",
        data: {},
      });
      const c = items(await user.get(`/v1/projects/${projectId}/services`))[0] as Json;
      assert.deepStrictEqual(
        [c["state"], c["errorReason"]],
        ["FATAL_ERROR", "InternalError: injected failure of step SETUP_KUBERNETES"],
      );
    } finally {
      await t.close();
    }
  });

  it("resumes a task left STARTED by a previous process on the same data directory", async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir, taskStepDelayMs: 300 });
    await addHost(first, "10.4.0.3");
    const { projectId, user } = await tenantWithUser(first, "resume");
    const task = await user.post(`/v1/projects/${projectId}/services`, {
      name: "k",
      type: "KUBERNETES",
      workerCount: 2,
    });
    await new Promise((r) => setTimeout(r, 450));
    await first.close();
    const second = await start({ dataDir });
    try {
      assert.strictEqual(second.c.resumedTasks, 1);
      const again = second.anon.as(String(user.token));
      const done = await again.task(String(task.body["id"]));
      assert.strictEqual(done["state"], "COMPLETED");
      assert.strictEqual(items(await second.admin.get("/v1/tasks?state=STARTED")).length, 0);
      assert.strictEqual(items(await again.get(`/v1/projects/${projectId}/services`))[0]?.["state"], "READY");
    } finally {
      await second.close();
    }
  });
});
