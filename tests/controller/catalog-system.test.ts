import * as assert from "assert";
import { addHost, items, start, tenantWithUser, type Json, type TestController } from "./helpers";

describe("controller flavors, images and system", () => {
  let t: TestController;
  before(async () => (t = await start()));
  after(async () => t.close());

  it("is seeded with the default flavors, one image per Kubernetes version and KUBERNETES enabled", async () => {
    const flavors = items(await t.admin.get("/v1/flavors")).map((f) => f["name"]);
    assert.deepStrictEqual(flavors, [
      "cluster-master-vm",
      "cluster-other-vm",
      "cluster-vm-disk",
      "standard-disk",
    ]);
    const images = items(await t.admin.get("/v1/images"));
    assert.deepStrictEqual(
      images.map((i) => i["kubernetesVersion"]),
      ["1.36.3", "1.35.4"],
    );
    const info = await t.admin.get("/v1/system/info");
    assert.deepStrictEqual(info.body["serviceConfigurations"], [
      { type: "KUBERNETES", imageId: images[0]?.["id"] },
    ]);
    assert.strictEqual(
      (await t.admin.get(`/v1/images/${String(images[0]?.["id"])}`)).body["name"],
      "kubernetes-1-36-3",
    );
    assert.strictEqual((await t.admin.get("/v1/images/nope")).body["code"], "ImageNotFound");
  });

  it("flavors: create with vm.cpu and vm.memory, NameTaken, get, kind filter, delete, FlavorInUse", async () => {
    const bad = await t.admin.post("/v1/flavors", {
      name: "tiny",
      kind: "vm",
      cost: [{ key: "vm.cpu", value: 1, unit: "COUNT" }],
    });
    assert.strictEqual(
      bad.body["message"],
      'cost must hold vm.memory in GB, MB, KB or B (was [{"key":"vm.cpu","value":1,"unit":"COUNT"}])',
    );
    const cost = [
      { key: "vm.cpu", value: 1, unit: "COUNT" },
      { key: "vm.memory", value: 1, unit: "GB" },
    ];
    const id = await t.admin.done(t.admin.post("/v1/flavors", { name: "tiny", kind: "vm", cost }));
    assert.strictEqual(
      (await t.admin.post("/v1/flavors", { name: "tiny", kind: "vm", cost })).body["code"],
      "NameTaken",
    );
    assert.strictEqual((await t.admin.get(`/v1/flavors/${id}`)).body["kind"], "vm");
    assert.strictEqual(items(await t.admin.get("/v1/flavors?kind=persistent-disk")).length, 1);
    await t.admin.done(t.admin.del(`/v1/flavors/${id}`));
    assert.strictEqual((await t.admin.get(`/v1/flavors/${id}`)).body["code"], "FlavorNotFound");
    await addHost(t, "10.6.0.1");
    const { projectId, user } = await tenantWithUser(t, "flv");
    await user.done(
      user.post(`/v1/projects/${projectId}/services`, { name: "k", type: "KUBERNETES", workerCount: 0 }),
    );
    const master = items(await t.admin.get("/v1/flavors?name=cluster-master-vm"))[0] as Json;
    assert.strictEqual(
      (await t.admin.del(`/v1/flavors/${String(master["id"])}`)).body["code"],
      "FlavorInUse",
    );
    assert.strictEqual((await user.post("/v1/flavors", { name: "x", kind: "vm", cost })).status, 403);
  });

  it("system status, pause (writes answer SystemPaused) and resume", async () => {
    assert.deepStrictEqual((await t.admin.get("/v1/system/status")).body, {
      status: "READY",
      components: [{ component: "PHOTON_CONTROLLER", status: "READY" }],
    });
    await t.admin.done(t.admin.post("/v1/system/pause"));
    const refused = await t.admin.post("/v1/tenants", { name: "paused" });
    assert.deepStrictEqual([refused.status, refused.body["code"]], [403, "SystemPaused"]);
    assert.strictEqual((await t.admin.get("/v1/tenants")).status, 200, "reads still work");
    assert.strictEqual((await t.admin.get("/v1/system/info")).body["state"], "PAUSED");
    await t.admin.done(t.admin.post("/v1/system/resume"));
    await t.admin.done(t.admin.post("/v1/tenants", { name: "resumed" }));
  });

  it("enable-service-type: unknown images are refused; without a configuration clusters are SpecInvalid", async () => {
    const images = items(await t.admin.get("/v1/images"));
    assert.strictEqual(
      (await t.admin.post("/v1/system/enable-service-type", { type: "KUBERNETES", imageId: "nope" })).body[
        "code"
      ],
      "ImageNotFound",
    );
    await t.admin.done(
      t.admin.post("/v1/system/enable-service-type", { type: "KUBERNETES", imageId: images[1]?.["id"] }),
    );
    const info = await t.admin.get("/v1/system/info");
    assert.deepStrictEqual(info.body["serviceConfigurations"], [
      { type: "KUBERNETES", imageId: images[1]?.["id"] },
    ]);
    const p = t.c.platform;
    const sys = p.store.get("system", "system");
    if (sys) p.store.put("system", { ...sys, serviceConfigs: {} });
    const { projectId, user } = await tenantWithUser(t, "spec");
    const a = await user.post(`/v1/projects/${projectId}/services`, {
      name: "k",
      type: "KUBERNETES",
      workerCount: 0,
    });
    assert.deepStrictEqual(a.body, {
      code: "SpecInvalid",
      message: "no service configuration exists for KUBERNETES",
      data: {},
    });
  });
});
