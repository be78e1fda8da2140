import * as assert from "assert";
import { handlers } from "../../provider";
import { assertNoDrift, controllerPerSuite, createAndVerify, tenantWithProject, unique } from "./harness";

describe("Tenant and Project handlers against a real controller", function () {
  const ctl = controllerPerSuite();

  it("tenant: create, read without drift, update quota and groups in place, delete, gone", async () => {
    const t = handlers("Tenant");
    const name = unique("acme");
    const { id, inputs } = await createAndVerify("Tenant", {
      name,
      identity: `urn:${name}`,
      quota: { "vm.cpu": { limit: 64, unit: "COUNT" } },
    });
    const news = {
      ...inputs,
      securityGroups: ["acme\\devs"],
      quota: { "vm.cpu": { limit: 32, unit: "COUNT" }, vm: { limit: 10, unit: "COUNT" } },
    };
    assert.deepStrictEqual((await t.diff(id, inputs, news)).replaces, []);
    await t.update(id, inputs, news);
    const live = await assertNoDrift("Tenant", id, news);
    assert.deepStrictEqual(live.securityGroups, ["acme\\devs"]);
    const removed = { ...news, quota: { vm: { limit: 10, unit: "COUNT" } } };
    await t.update(id, news, removed);
    assert.deepStrictEqual((await assertNoDrift("Tenant", id, removed)).quota, {
      vm: { limit: 10, unit: "COUNT" },
    });
    await t.delete(id, removed);
    assert.deepStrictEqual(await t.read(id, removed), { id: "" });
    await t.delete(id, removed); // already gone counts as deleted
  });

  it("tenant: a create retried with the same identity adopts its own object (no duplicate)", async () => {
    const name = unique("twice");
    const first = await createAndVerify("Tenant", { name, identity: `urn:${name}` });
    const again = await handlers("Tenant").create({
      name,
      identity: `urn:${name}`,
      securityGroups: [],
      quota: {},
    });
    assert.strictEqual(again.id, first.id);
    const list = await ctl().get<{ items: unknown[] }>(`/v1/tenants?name=${name}`);
    assert.strictEqual(list.items.length, 1);
  });

  it("tenant: adoptId manages an existing object", async () => {
    const name = unique("adopted");
    const made = await createAndVerify("Tenant", { name, identity: `urn:other-${name}` });
    const adopted = await handlers("Tenant").create({
      name,
      identity: `urn:${name}`,
      adoptId: made.id,
      securityGroups: [],
      quota: { vm: { limit: 3, unit: "COUNT" } },
    });
    assert.strictEqual(adopted.id, made.id);
    assert.deepStrictEqual(adopted.outs?.quota, { vm: { limit: 3, unit: "COUNT" } });
  });

  it("tenant: a server refusal is one sentence with code and request id", async () => {
    const name = unique("taken");
    await createAndVerify("Tenant", { name, identity: `urn:a-${name}` });
    await assert.rejects(
      handlers("Tenant").create({ name, identity: `urn:b-${name}`, securityGroups: [], quota: {} }),
      (e: Error) => {
        assert.match(
          e.message,
          /^Photon API POST \/v1\/tenants: NameTaken: .* \(HTTP 400, request id [^)]+\)$/,
        );
        assert.ok(!e.stack?.includes("    at "), "no stack trace");
        return true;
      },
    );
  });

  it("project: in-place quota and groups; a non-empty project is refused unless forceDestroy", async () => {
    const { id, inputs } = (await tenantWithProject("web")).project;
    const news = {
      ...inputs,
      quota: { "vm.memory": { limit: 64, unit: "GB" } },
      securityGroups: ["acme\\web"],
    };
    await handlers("Project").update(id, inputs, news);
    await assertNoDrift("Project", id, news);
    const nname = unique("net");
    await createAndVerify("Network", {
      projectId: id,
      name: nname,
      cidr: "10.1.0.0/16",
      identity: `urn:${nname}`,
    });
    await assert.rejects(
      handlers("Project").delete(id, news),
      /still holds 1 networks .*set forceDestroy: true/,
    );
    await handlers("Project").delete(id, { ...news, forceDestroy: true });
    assert.deepStrictEqual(await handlers("Project").read(id, news), { id: "" });
  });
});
