import * as assert from "assert";
import type { VmOnlyRuntime } from "../../controller";
import { addHost, items, start, tenantWithUser, type Api, type Json, type TestController } from "./helpers";

describe("controller clusters", () => {
  let t: TestController;
  let user: Api;
  let projectId: string;
  let hosts: string[];
  before(async () => {
    t = await start({ faults: {} });
    hosts = [];
    for (const n of [1, 2, 3])
      hosts.push(await addHost(t, `10.7.0.${n}`, { cpuCount: "16", memoryMb: "32768" }));
    ({ user, projectId } = await tenantWithUser(t, "k8s"));
  });
  after(async () => t.close());

  const create = (body: Json) =>
    user.post(`/v1/projects/${projectId}/services`, { type: "KUBERNETES", ...body });
  const vms = async (id: string) => items(await user.get(`/v1/services/${id}/vms`));

  it("creates a cluster: masters spread over hosts, VMs tagged, READY with its version", async () => {
    const id = await user.done(
      create({ name: "ha", workerCount: 2, extendedProperties: { number_of_masters: "3" } }),
    );
    const c = await user.get(`/v1/services/${id}`);
    assert.deepStrictEqual(
      [c.body["state"], c.body["workerCount"], (c.body["extendedProperties"] as Json)["cluster_version"]],
      ["READY", 2, "1.36.3"],
    );
    const all = await vms(id);
    const masters = all.filter((vm) => vm["role"] === "KubernetesMaster");
    assert.strictEqual(masters.length, 3);
    assert.strictEqual(new Set(masters.map((m) => m["hostId"])).size, 3, "one master per host");
    assert.strictEqual(all.filter((vm) => vm["role"] === "KubernetesEtcd").length, 3);
    assert.deepStrictEqual(masters[0]?.["tags"], [`cluster:${id}`, `cluster:${id}:KubernetesMaster`]);
    assert.strictEqual(
      (await user.get(`/v1/vms/${String(masters[0]?.["id"])}`)).body["role"],
      "KubernetesMaster",
    );
    assert.ok(items(await user.get(`/v1/projects/${projectId}/services`)).some((x) => x["id"] === id));
    const ops = items(await user.get(`/v1/services/${id}/tasks`)).map((x) => x["operation"]);
    assert.deepStrictEqual(ops, ["CREATE_CLUSTER"]);
    assert.strictEqual((await create({ name: "ha", workerCount: 0 })).body["code"], "NameTaken");
    await user.done(user.del(`/v1/services/${id}`));
  });

  it("fails with NotEnoughMemoryResource and NotEnoughCpuResource when VMs do not fit", async () => {
    const mem = [
      { key: "vm.cpu", value: 1, unit: "COUNT" },
      { key: "vm.memory", value: 64, unit: "GB" },
    ];
    const cpu = [
      { key: "vm.cpu", value: 64, unit: "COUNT" },
      { key: "vm.memory", value: 1, unit: "GB" },
    ];
    await t.admin.done(t.admin.post("/v1/flavors", { name: "fat", kind: "vm", cost: mem }));
    await t.admin.done(t.admin.post("/v1/flavors", { name: "wide", kind: "vm", cost: cpu }));
    const e1 = await user.fails(create({ name: "fat", workerCount: 1, workerVmFlavor: "fat" }));
    assert.strictEqual(e1["code"], "NotEnoughMemoryResource");
    assert.match(
      String(e1["message"]),
      /^no host has 65536 MB of free memory for VM fat-(etcd|worker)-[0-9a-f]{8} \(largest free: \d+ MB\)$/,
    );
    const e2 = await user.fails(create({ name: "wide", workerCount: 1, workerVmFlavor: "wide" }));
    assert.strictEqual(e2["code"], "NotEnoughCpuResource");
    const failed = await user.get(`/v1/projects/${projectId}/services?name=fat`);
    const c = items(failed)[0] as Json;
    assert.strictEqual(c["state"], "FATAL_ERROR");
    assert.match(String(c["errorReason"]), /^NotEnoughMemoryResource: /);
    assert.strictEqual((await vms(String(c["id"]))).length, 0, "nothing stays reserved");
    const resize = await user.post(`/v1/services/${String(c["id"])}/resize`, { newWorkerCount: 2 });
    assert.strictEqual(
      resize.body["message"],
      `Invalid operation RESIZE_CLUSTER for service/${String(c["id"])} in state FATAL_ERROR`,
    );
    const bad = await create({ name: "x", workerCount: 1, extendedProperties: { number_of_masters: "2" } });
    assert.strictEqual(bad.body["message"], "extendedProperties.number_of_masters must be 1, 3 or 5 (was 2)");
  });

  it("resizes up and down (cordoned nodes go first); same size is a no-op; only from READY", async () => {
    const id = await user.done(create({ name: "rs", workerCount: 2 }));
    await user.done(user.post(`/v1/services/${id}/resize`, { newWorkerCount: 4 }));
    let workers = (await vms(id)).filter((vm) => vm["role"] === "KubernetesWorker");
    assert.strictEqual(workers.length, 4);
    const cordoned = String(workers[0]?.["name"]);
    (t.c.runtime as VmOnlyRuntime).cordon(cordoned);
    await user.done(user.post(`/v1/services/${id}/resize`, { newWorkerCount: 3 }));
    workers = (await vms(id)).filter((vm) => vm["role"] === "KubernetesWorker");
    assert.strictEqual(workers.length, 3);
    assert.ok(!workers.some((w) => w["name"] === cordoned), "the cordoned node was removed");
    const same = await user.task(await user.post(`/v1/services/${id}/resize`, { newWorkerCount: 3 }));
    assert.deepStrictEqual([same["state"], (same["steps"] as Json[]).length], ["COMPLETED", 0]);
    const c = await user.get(`/v1/services/${id}`);
    assert.deepStrictEqual([c.body["state"], c.body["workerCount"]], ["READY", 3]);
    t.c.platform.options.taskStepDelayMs = 100;
    try {
      const slow = await user.post(`/v1/services/${id}/resize`, { newWorkerCount: 5 });
      const second = await user.post(`/v1/services/${id}/resize`, { newWorkerCount: 6 });
      assert.deepStrictEqual([second.status, second.body["code"]], [400, "ConcurrentTask"]);
      assert.strictEqual((await user.get(`/v1/services/${id}`)).body["state"], "RESIZING");
      await user.task(slow);
    } finally {
      t.c.platform.options.taskStepDelayMs = 0;
    }
    const del = await user.post(`/v1/services/${id}/change_version`, { newImageId: "nope" });
    assert.strictEqual(del.body["code"], "ImageNotFound");
  });

  it("trigger_maintenance replaces the workers of a failed host; the periodic maintenance does too", async () => {
    const id = await user.done(create({ name: "mt", workerCount: 3 }));
    const workers = (await vms(id)).filter((vm) => vm["role"] === "KubernetesWorker");
    const victimHost = String(workers[0]?.["hostId"]);
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${victimHost}/fail`));
    assert.strictEqual((await t.admin.get(`/v1/infrastructure/hosts/${victimHost}`)).body["state"], "ERROR");
    const m = await user.post(`/v1/services/${id}/trigger_maintenance`);
    assert.strictEqual((await user.task(m))["state"], "COMPLETED");
    const after = (await vms(id)).filter((vm) => vm["role"] === "KubernetesWorker");
    assert.strictEqual(after.length, 3);
    assert.ok(
      after.every((w) => w["hostId"] !== victimHost),
      "no worker left on the failed host",
    );
    const c = await user.get(`/v1/services/${id}`);
    assert.deepStrictEqual([c.body["state"], c.body["errorReason"]], ["READY", ""]);
    const lost = after[0] as Json;
    (t.c.runtime as VmOnlyRuntime).loseNode(id, String(lost["name"]));
    assert.ok(t.c.runMaintenance() >= 1);
    const tasks = items(await user.get(`/v1/services/${id}/tasks?state=STARTED`));
    if (tasks[0]) await user.task(String(tasks[0]["id"]));
    await new Promise((r) => setTimeout(r, 50));
    const healed = (await vms(id)).filter((vm) => vm["role"] === "KubernetesWorker");
    assert.strictEqual(healed.length, 3);
    assert.ok(!healed.some((w) => w["name"] === lost["name"]), "the lost worker was replaced");
  });

  it("change_version rolls every node to the new image and reports upgradeStatus", async () => {
    const images = items(await user.get("/v1/images"));
    const id = await user.done(create({ name: "up", workerCount: 2 }));
    const older = String(images[1]?.["id"]);
    const task = await user.task(await user.post(`/v1/services/${id}/change_version`, { newImageId: older }));
    assert.strictEqual(task["operation"], "UPGRADE_CLUSTER");
    assert.strictEqual(task["state"], "COMPLETED");
    const c = await user.get(`/v1/services/${id}`);
    assert.deepStrictEqual(c.body["upgradeStatus"], {
      newImageId: older,
      upgradeMessage: "Upgrade completed",
      totalNodes: 3,
      numNodesUpgraded: 3,
      upgradeResultMessage: "Upgraded to Kubernetes 1.35.4",
    });
    assert.deepStrictEqual(
      [c.body["state"], c.body["imageId"], (c.body["extendedProperties"] as Json)["cluster_version"]],
      ["READY", older, "1.35.4"],
    );
    assert.ok((await vms(id)).every((vm) => (vm as Json)["kubernetesVersion"] === "1.35.4"));
    assert.strictEqual(
      (await user.post(`/v1/services/${id}/change_version`, { newImageId: older })).body["message"],
      `newImageId is already the cluster's image (was "${older}")`,
    );
  });

  it("kubeconfig is a StateError on the VM-only runtime; delete gives everything back", async () => {
    const id = await user.done(create({ name: "kc", workerCount: 1 }));
    const kc = await user.get(`/v1/services/${id}/kubeconfig`);
    assert.deepStrictEqual(kc.body, {
      code: "StateError",
      message: `Invalid operation GET_KUBECONFIG for service/${id} in state READY: cluster has no Kubernetes API`,
      data: {},
    });
    const del = await user.del(`/v1/services/${id}`);
    assert.strictEqual(del.status, 201);
    assert.strictEqual((await user.task(del))["operation"], "DELETE_CLUSTER");
    assert.strictEqual((await user.get(`/v1/services/${id}`)).body["code"], "ClusterNotFound");
    for (const h of hosts)
      assert.ok(
        items(await t.admin.get(`/v1/infrastructure/hosts/${h}/vms`)).every((vm) => vm["clusterId"] !== id),
      );
  });

  it("a cluster on a storage pool keeps its VM disks in the pool", async () => {
    const ready = items(await t.admin.get("/v1/infrastructure/hosts?state=READY"))[0] as Json;
    const pool = await t.admin.done(
      t.admin.post("/v1/infrastructure/storage-pools", {
        name: "kpool",
        hostIds: [ready["id"]],
        capacityGb: 100,
      }),
    );
    const id = await user.done(create({ name: "sp", workerCount: 1, storagePoolId: pool }));
    const p = await t.admin.get(`/v1/infrastructure/storage-pools/${pool}`);
    assert.strictEqual(p.body["usedGb"], 60);
    assert.ok((await vms(id)).every((vm) => vm["datastore"] === p.body["datastoreId"]));
    assert.strictEqual(
      (await t.admin.del(`/v1/infrastructure/storage-pools/${pool}`)).body["code"],
      "StoragePoolInUse",
    );
  });
});
