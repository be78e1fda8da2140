import * as assert from "assert";
import { addHost, items, start, tenantWithUser, type Json, type TestController } from "./helpers";

describe("controller hosts and zones", () => {
  let t: TestController;
  before(async () => (t = await start()));
  after(async () => t.close());

  it("creates a host READY with capacity from metadata; the password is never shown", async () => {
    const id = await addHost(t, "10.2.0.1", { cpuCount: "8", memoryMb: "16384" });
    const h = await t.admin.get(`/v1/infrastructure/hosts/${id}`);
    assert.strictEqual(h.body["state"], "READY");
    assert.deepStrictEqual(h.body["capacity"], { cpuCount: 8, memoryMb: 16384, datastoreGb: 2048 });
    assert.deepStrictEqual(h.body["usage"], { cpuCount: 0, memoryMb: 0, datastoreGb: 0 });
    const listed = await t.admin.get("/v1/infrastructure/hosts?state=READY");
    assert.ok(items(listed).some((x) => x["id"] === id));
    const tasks = await t.admin.get(`/v1/infrastructure/hosts/${id}/tasks`);
    assert.strictEqual(items(tasks)[0]?.["operation"], "CREATE_HOST");
    for (const body of [h.body, listed.body, tasks.body])
      assert.ok(!JSON.stringify(body).includes("secret"), `the password shows in ${JSON.stringify(body)}`);
    const ds = await t.admin.get(`/v1/infrastructure/datastores/${String(h.body["datastoreId"])}`);
    assert.deepStrictEqual([ds.body["type"], ds.body["name"]], ["LOCAL_VMFS", "datastore-10.2.0.1"]);
  });

  it("a second host with the same address fails its task with DuplicateHost", async () => {
    await addHost(t, "10.2.0.2");
    const err = await t.admin.fails(
      t.admin.post("/v1/infrastructure/hosts", { address: "10.2.0.2", username: "root", password: "x" }),
    );
    assert.strictEqual(err["code"], "DuplicateHost");
    assert.strictEqual(
      items(await t.admin.get("/v1/infrastructure/hosts")).filter((h) => h["address"] === "10.2.0.2").length,
      1,
    );
  });

  it("refuses bad metadata and unknown zones", async () => {
    const a = await t.admin.post("/v1/infrastructure/hosts", {
      address: "10.2.0.9",
      username: "r",
      password: "x",
      metadata: { cpuCount: "lots" },
    });
    assert.strictEqual(
      a.body["message"],
      'metadata.cpuCount must be a positive whole number of at most 9 digits (was "lots")',
    );
    const b = await t.admin.post("/v1/infrastructure/hosts", {
      address: "10.2.0.9",
      username: "r",
      password: "x",
      availabilityZone: "nope",
    });
    assert.strictEqual(b.body["message"], 'availabilityZone must be the id of an existing zone (was "nope")');
  });

  it("moves through suspend, maintenance, exit and resume; wrong states are StateError", async () => {
    const id = await addHost(t, "10.2.0.3");
    const bad = await t.admin.post(`/v1/infrastructure/hosts/${id}/enter-maintenance`);
    assert.deepStrictEqual(bad.body, {
      code: "StateError",
      message: `Invalid operation ENTER_MAINTENANCE_MODE for host/${id} in state READY`,
      data: {},
    });
    const suspend = await t.admin.post(`/v1/infrastructure/hosts/${id}/suspend`);
    assert.strictEqual(suspend.status, 200);
    await t.admin.task(suspend);
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${id}/resume`));
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${id}/suspend`));
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${id}/enter-maintenance`));
    assert.strictEqual((await t.admin.get(`/v1/infrastructure/hosts/${id}`)).body["state"], "MAINTENANCE");
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${id}/exit-maintenance`));
    assert.strictEqual((await t.admin.get(`/v1/infrastructure/hosts/${id}`)).body["state"], "READY");
    const del = await t.admin.del(`/v1/infrastructure/hosts/${id}`);
    assert.strictEqual(del.body["message"], `Invalid operation DELETE_HOST for host/${id} in state READY`);
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${id}/suspend`));
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${id}/enter-maintenance`));
    await t.admin.done(t.admin.del(`/v1/infrastructure/hosts/${id}`));
    assert.strictEqual((await t.admin.get(`/v1/infrastructure/hosts/${id}`)).body["code"], "HostNotFound");
    const prov = await t.admin.post(`/v1/infrastructure/hosts/${await addHost(t, "10.2.0.33")}/provision`);
    assert.strictEqual(prov.body["code"], "StateError");
  });

  it("enter-maintenance fails with HostHasVms while cluster VMs remain; evacuate moves them", async () => {
    const t2 = await start();
    try {
      const a = await addHost(t2, "10.3.0.1");
      const b = await addHost(t2, "10.3.0.2");
      const { projectId, user } = await tenantWithUser(t2, "evac");
      const clusterId = await user.done(
        user.post(`/v1/projects/${projectId}/services`, { name: "k", type: "KUBERNETES", workerCount: 3 }),
      );
      const vmsOnA = items(await t2.admin.get(`/v1/infrastructure/hosts/${a}/vms`));
      assert.ok(vmsOnA.length > 0);
      await t2.admin.done(t2.admin.post(`/v1/infrastructure/hosts/${a}/suspend`));
      const err = await t2.admin.fails(t2.admin.post(`/v1/infrastructure/hosts/${a}/enter-maintenance`));
      assert.deepStrictEqual(err, {
        code: "HostHasVms",
        message: `host ${a} still has ${vmsOnA.length} VM(s)`,
        data: {},
      });
      await t2.admin.done(t2.admin.post(`/v1/infrastructure/hosts/${a}/evacuate`));
      assert.strictEqual(items(await t2.admin.get(`/v1/infrastructure/hosts/${a}/vms`)).length, 0);
      const vms = items(await user.get(`/v1/services/${clusterId}/vms`));
      assert.strictEqual(vms.length, 5);
      assert.ok(vms.every((vm) => vm["hostId"] === b && vm["state"] === "STARTED"));
      await t2.admin.done(t2.admin.post(`/v1/infrastructure/hosts/${a}/enter-maintenance`));
    } finally {
      await t2.close();
    }
  });

  it("zones: create, NameTaken, get, list, set on a host, delete refused while used", async () => {
    const zone = await t.admin.done(t.admin.post("/v1/zones", { name: "zone-a" }));
    assert.strictEqual((await t.admin.post("/v1/zones", { name: "zone-a" })).body["code"], "NameTaken");
    assert.strictEqual((await t.admin.get(`/v1/zones/${zone}`)).body["name"], "zone-a");
    assert.strictEqual(items(await t.admin.get("/v1/zones")).length, 1);
    const host = await addHost(t, "10.2.0.4");
    const setZone = await t.admin.post(`/v1/infrastructure/hosts/${host}/set_availability_zone`, {
      availabilityZoneId: zone,
    });
    await t.admin.task(setZone);
    assert.strictEqual(
      (await t.admin.get(`/v1/infrastructure/hosts/${host}`)).body["availabilityZone"],
      zone,
    );
    assert.strictEqual(
      (
        await t.admin.post(`/v1/infrastructure/hosts/${host}/set_availability_zone`, {
          availabilityZoneId: "x",
        })
      ).body["code"],
      "ZoneNotFound",
    );
    const refused = await t.admin.del(`/v1/zones/${zone}`);
    assert.strictEqual(
      refused.body["message"],
      `Invalid operation DELETE_AVAILABILITY_ZONE for availability-zone/${zone} in state READY: used by 1 host(s)`,
    );
    const other = await t.admin.done(t.admin.post("/v1/zones", { name: "zone-b" }));
    await t.admin.done(t.admin.del(`/v1/zones/${other}`));
    assert.strictEqual((await t.admin.get(`/v1/zones/${other}`)).body["code"], "ZoneNotFound");
  });

  it("infrastructure is admin only", async () => {
    const { user } = await tenantWithUser(t, "infra");
    for (const path of [
      "/v1/infrastructure/hosts",
      "/v1/zones",
      "/v1/infrastructure/datastores",
      "/v1/infrastructure/storage-pools",
    ]) {
      const a = await user.get(path);
      assert.deepStrictEqual([a.status, a.body["code"]], [403, "AccessForbidden"], path);
    }
    assert.strictEqual(
      (await user.post("/v1/infrastructure/hosts", { address: "1.1.1.1", username: "a", password: "b" }))
        .status,
      403,
    );
    assert.ok(
      items(await t.admin.get("/v1/infrastructure/datastores")).every((d: Json) => d["kind"] === "datastore"),
    );
  });
});
