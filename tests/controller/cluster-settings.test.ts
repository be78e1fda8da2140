import * as assert from "assert";
import { drainOf } from "../../controller/clusters/drain";
import { loadCluster } from "../../controller/clusters/store";
import { addHost, start, tenantWithUser, type Api, type Json, type TestController } from "./helpers";

/*
 * POST /v1/services/{id}/set_settings (extension, decision 0108): the surge, unavailability and drain
 * timeout a cluster's later upgrades and drains read, changed after the create. Refused values get the
 * cluster rule's sentence (rules/cluster.ts), the one the provider's `check` writes.
 */
describe("controller cluster settings", () => {
  let t: TestController;
  let a: Api;
  let b: Api;
  let id: string;

  before(async () => {
    t = await start({ faults: {} });
    await addHost(t, "10.7.1.1", { cpuCount: "16", memoryMb: "32768" });
    let projectId: string;
    ({ user: a, projectId } = await tenantWithUser(t, "set-a"));
    ({ user: b } = await tenantWithUser(t, "set-b"));
    id = await a.done(
      a.post(`/v1/projects/${projectId}/services`, { name: "s", type: "KUBERNETES", workerCount: 1 }),
    );
  });
  after(async () => t.close());

  const ext = async (api: Api) => (await api.get(`/v1/services/${id}`)).body["extendedProperties"] as Json;
  const settings = (api: Api, body: Json) => api.post(`/v1/services/${id}/set_settings`, body);

  it("changes surge, unavailability and drain timeout in one task; the cluster's view shows them", async () => {
    const task = await a.task(await settings(a, { maxSurge: 0, maxUnavailable: 2, drainTimeout: "90s" }));
    assert.deepStrictEqual([task["state"], task["operation"]], ["COMPLETED", "SET_CLUSTER_SETTINGS"]);
    const now = await ext(a);
    assert.deepStrictEqual(
      [now["max_surge"], now["max_unavailable"], now["drain_timeout_seconds"], now["number_of_masters"]],
      ["0", "2", "90", "1"],
    );
    await a.done(settings(a, { drainTimeout: "1h" }));
    // What the next upgrade or maintenance drain of this cluster waits (controller/clusters/drain.ts).
    assert.strictEqual(drainOf(t.c.platform, loadCluster(t.c.platform, id)).timeoutMs, 3_600_000);
    assert.deepStrictEqual(
      [(await ext(a))["drain_timeout_seconds"], (await ext(a))["max_surge"]],
      ["3600", "0"],
    );
  });

  const refused: [string, Json, string][] = [
    ["a surge above 100", { maxSurge: 101 }, "maxSurge must be a whole number from 0 to 100 (was 101)"],
    [
      "a negative unavailability",
      { maxUnavailable: -1 },
      "maxUnavailable must be a whole number from 0 to 100 (was -1)",
    ],
    ["a fraction of a node", { maxSurge: 1.5 }, "maxSurge must be a whole number from 0 to 100 (was 1.5)"],
    [
      "neither surge nor unavailability",
      { maxSurge: 0, maxUnavailable: 0 },
      "maxUnavailable must be at least 1 when maxSurge is 0 (was 0)",
    ],
    [
      "a drain timeout over a day",
      { drainTimeout: "25h" },
      'drainTimeout must be a duration from 0s to 24h, such as 90s, 10m or 1h (was "25h")',
    ],
    [
      "a drain timeout that is no duration",
      { drainTimeout: "600" },
      'drainTimeout must be a duration from 0s to 24h, such as 90s, 10m or 1h (was "600")',
    ],
    ["a field it does not take", { workerCount: 3 }, "workerCount is not a writable property (was 3)"],
    ["null", { maxSurge: null }, "maxSurge may not be null (was null)"],
  ];
  for (const [what, body, message] of refused)
    it(`refuses ${what} with the rule's sentence and changes nothing`, async () => {
      const before = await ext(a);
      const res = await settings(a, body);
      assert.deepStrictEqual(
        [res.status, res.body["code"], res.body["message"]],
        [400, "InvalidEntity", message],
      );
      assert.deepStrictEqual(await ext(a), before);
    });

  it("another tenant's user is refused as on the other cluster routes, and nothing changes", async () => {
    const before = await ext(a);
    const res = await settings(b, { drainTimeout: "1s" });
    assert.ok([403, 404].includes(res.status), `${res.status} ${JSON.stringify(res.body)}`);
    const resize = await b.post(`/v1/services/${id}/resize`, { newWorkerCount: 1 });
    assert.deepStrictEqual([res.status, res.body["code"]], [resize.status, resize.body["code"]]);
    assert.deepStrictEqual(await ext(a), before);
  });
});
