import * as assert from "assert";
import { addHost, items, start, tenantWithUser, type Json, type TestController } from "./helpers";

describe("controller storage pools, datastores and disks", () => {
  let t: TestController;
  let hosts: string[];
  // A controller per test: pools take capacity from the hosts, so each test starts from three empty ones.
  beforeEach(async () => {
    t = await start();
    hosts = [
      await addHost(t, "10.5.0.1", { datastoreGb: "100" }),
      await addHost(t, "10.5.0.2", { datastoreGb: "100" }),
      await addHost(t, "10.5.0.3", { datastoreGb: "100" }),
    ];
  });
  afterEach(async () => t.close());

  /** The pool "vsan": 60 GB on the three hosts, tolerating one failure; answers its id. */
  const vsanPool = (): Promise<string> =>
    t.admin.done(
      t.admin.post("/v1/infrastructure/storage-pools", {
        name: "vsan",
        hostIds: hosts,
        capacityGb: 60,
        failuresToTolerate: 1,
      }),
    );

  it("needs 2 * failuresToTolerate + 1 member hosts", async () => {
    const a = await t.admin.post("/v1/infrastructure/storage-pools", {
      name: "p0",
      hostIds: hosts.slice(0, 2),
      capacityGb: 10,
      failuresToTolerate: 1,
    });
    assert.strictEqual(
      a.body["message"],
      `hostIds must list at least 3 hosts to tolerate 1 failures (2 * failuresToTolerate + 1) (was ${JSON.stringify(hosts.slice(0, 2))})`,
    );
  });

  it("creates a pool with its VSAN datastore and accounts its share on the members", async () => {
    const id = await vsanPool();
    const pool = await t.admin.get(`/v1/infrastructure/storage-pools/${id}`);
    assert.deepStrictEqual(
      [pool.body["state"], pool.body["capacityGb"], pool.body["usedGb"]],
      ["READY", 60, 0],
    );
    const ds = await t.admin.get(`/v1/infrastructure/datastores/${String(pool.body["datastoreId"])}`);
    assert.deepStrictEqual([ds.body["type"], ds.body["tags"], ds.body["name"]], ["VSAN", ["VSAN"], "vsan"]);
    const host = await t.admin.get(`/v1/infrastructure/hosts/${hosts[0]}`);
    assert.strictEqual((host.body["usage"] as Json)["datastoreGb"], 40);
    assert.strictEqual(items(await t.admin.get("/v1/infrastructure/storage-pools")).length, 1);
    assert.strictEqual(
      items(await t.admin.get(`/v1/infrastructure/storage-pools/${id}/tasks`))[0]?.["operation"],
      "CREATE_STORAGE_POOL",
    );
  });

  it("a pool that does not fit the members fails with NotEnoughDatastoreCapacity", async () => {
    const err = await t.admin.fails(
      t.admin.post("/v1/infrastructure/storage-pools", { name: "huge", hostIds: hosts, capacityGb: 500 }),
    );
    assert.strictEqual(err["code"], "NotEnoughDatastoreCapacity");
  });

  it("disks in the pool use its capacity and quota; resize never goes below used; delete needs force", async () => {
    const pool = (await t.admin.get(`/v1/infrastructure/storage-pools/${await vsanPool()}`)).body;
    const { projectId, user } = await tenantWithUser(t, "disks");
    await user.done(
      user.put(`/v1/projects/${projectId}/quota`, {
        quotaItems: { "storage.VSAN": { limit: 30, unit: "GB" } },
      }),
    );
    const affinities = [{ kind: "storage-pool", id: pool["id"] }];
    const disk = await user.done(
      user.post(`/v1/projects/${projectId}/disks`, {
        name: "d1",
        kind: "persistent-disk",
        flavor: "standard-disk",
        capacityGb: 20,
        affinities,
      }),
    );
    const d = await user.get(`/v1/disks/${disk}`);
    assert.deepStrictEqual([d.body["state"], d.body["datastore"]], ["DETACHED", pool["datastoreId"]]);
    const over = await user.fails(
      user.post(`/v1/projects/${projectId}/disks`, {
        name: "d2",
        kind: "persistent-disk",
        flavor: "standard-disk",
        capacityGb: 20,
        affinities,
      }),
    );
    assert.strictEqual(over["code"], "QuotaError");
    assert.strictEqual(
      (await t.admin.get(`/v1/infrastructure/storage-pools/${String(pool["id"])}`)).body["usedGb"],
      20,
    );
    const shrink = await t.admin.post(`/v1/infrastructure/storage-pools/${String(pool["id"])}/resize`, {
      capacityGb: 10,
    });
    assert.strictEqual(
      shrink.body["message"],
      "capacityGb must not be below what storage pool vsan holds, 20 GB (was 10)",
    );
    await t.admin.done(
      t.admin.post(`/v1/infrastructure/storage-pools/${String(pool["id"])}/resize`, { capacityGb: 30 }),
    );
    assert.strictEqual(
      (await t.admin.get(`/v1/infrastructure/storage-pools/${String(pool["id"])}`)).body["capacityGb"],
      30,
    );
    const inUse = await t.admin.del(`/v1/infrastructure/storage-pools/${String(pool["id"])}`);
    assert.deepStrictEqual(
      [inUse.body["code"], inUse.body["message"]],
      ["StoragePoolInUse", "storage pool vsan is used by 0 cluster(s), 1 disk(s) of which 0 attached"],
    );
    assert.strictEqual(items(await user.get(`/v1/projects/${projectId}/disks`)).length, 2);
    assert.strictEqual(items(await user.get(`/v1/disks/${disk}/tasks`))[0]?.["operation"], "CREATE_DISK");
    await t.admin.done(t.admin.del(`/v1/infrastructure/storage-pools/${String(pool["id"])}?force=true`));
    assert.strictEqual((await user.get(`/v1/disks/${disk}`)).body["code"], "DiskNotFound");
    const q = (await user.get(`/v1/projects/${projectId}/quota`)).body["quotaItems"] as Record<string, Json>;
    assert.strictEqual(q["storage.VSAN"]?.["usage"], 0);
  });

  it("set_hosts keeps the failures-to-tolerate rule; a local disk is created and deleted", async () => {
    const id = await t.admin.done(
      t.admin.post("/v1/infrastructure/storage-pools", { name: "small", hostIds: [hosts[0]], capacityGb: 5 }),
    );
    await t.admin.done(
      t.admin.post(`/v1/infrastructure/storage-pools/${id}/set_hosts`, { hostIds: [hosts[1]] }),
    );
    assert.deepStrictEqual((await t.admin.get(`/v1/infrastructure/storage-pools/${id}`)).body["hostIds"], [
      hosts[1],
    ]);
    const bad = await t.admin.post(`/v1/infrastructure/storage-pools/${id}/set_hosts`, { hostIds: ["nope"] });
    assert.strictEqual(bad.body["message"], 'hostIds must name existing hosts (was ["nope"])');
    const { projectId, user } = await tenantWithUser(t, "local");
    const disk = await user.done(
      user.post(`/v1/projects/${projectId}/disks`, {
        name: "l1",
        kind: "persistent-disk",
        flavor: "standard-disk",
        capacityGb: 5,
      }),
    );
    assert.strictEqual(
      (
        await user.post(`/v1/projects/${projectId}/disks`, {
          name: "l1",
          kind: "persistent-disk",
          flavor: "standard-disk",
          capacityGb: 5,
        })
      ).body["code"],
      "NameTaken",
    );
    assert.strictEqual(
      (
        await user.post(`/v1/projects/${projectId}/disks`, {
          name: "l2",
          kind: "persistent-disk",
          flavor: "cluster-vm-disk",
          capacityGb: 5,
        })
      ).body["message"],
      'flavor must name a persistent-disk flavor (was "cluster-vm-disk")',
    );
    await user.done(user.del(`/v1/disks/${disk}`));
    await t.admin.done(t.admin.del(`/v1/infrastructure/storage-pools/${id}`));
  });
});
