import * as assert from "assert";
import { handlers } from "../../provider";
import {
  assertNoDrift,
  checkedInputs,
  controllerPerSuite,
  createAndVerify,
  tenantWithProject,
  unique,
} from "./harness";

describe("adopting existing objects by name or id", function () {
  const ctl = controllerPerSuite();

  it("tenant: adoptName manages the tenant of that name and changes it to match the inputs", async () => {
    const name = unique("byname");
    const made = await createAndVerify("Tenant", { name, identity: `urn:elsewhere-${name}` });
    const inputs = await checkedInputs("Tenant", {
      name,
      adoptName: name,
      identity: `urn:${name}`,
      quota: { vm: { limit: 5, unit: "COUNT" } },
    });
    const adopted = await handlers("Tenant").create(inputs);
    assert.strictEqual(adopted.id, made.id);
    assert.deepStrictEqual(adopted.outs?.quota, { vm: { limit: 5, unit: "COUNT" } });
    assert.strictEqual(adopted.outs?.adoptName, name);
    await assertNoDrift("Tenant", adopted.id, inputs);
    const list = await ctl().get<{ items: unknown[] }>(`/v1/tenants?name=${name}`);
    assert.strictEqual(list.items.length, 1, "nothing new was made");
  });

  it("tenant: adoptName of a tenant that does not exist is one clear sentence", async () => {
    await assert.rejects(
      handlers("Tenant").create({ name: "nosuch", adoptName: "nosuch", identity: "urn:nosuch" }),
      (e: Error) => {
        assert.match(e.message, /adoptName: no tenant with name "nosuch" exists/);
        return true;
      },
    );
  });

  it("tenant: adoptId of a tenant whose name differs from the name input is refused", async () => {
    const name = unique("other");
    const made = await createAndVerify("Tenant", { name, identity: `urn:${name}` });
    await assert.rejects(
      handlers("Tenant").create({ name: "wanted", adoptId: made.id, identity: "urn:wanted" }),
      (e: Error) => {
        assert.match(e.message, /AdoptConflict/);
        assert.ok(e.message.includes(`has name "${name}" (the name input is "wanted")`), e.message);
        return true;
      },
    );
  });

  it("project and network: adopted by name within their parent; the network is renamed in place", async () => {
    const { tenant, project } = await tenantWithProject("a");
    const pname = String(project.inputs.name);
    const pAdopted = await handlers("Project").create(
      await checkedInputs("Project", {
        tenantId: tenant.id,
        name: pname,
        adoptName: pname,
        identity: `urn:${pname}`,
      }),
    );
    assert.strictEqual(pAdopted.id, project.id);

    const legacy = unique("legacy");
    // Made outside this program: straight through the create handler, without the program's check.
    const net = await handlers("Network").create({
      projectId: project.id,
      name: legacy,
      cidr: "10.40.0.0/16",
      description: "",
      identity: `urn:${legacy}`,
    });
    const renamed = unique("front");
    const inputs = await checkedInputs("Network", {
      projectId: project.id,
      name: renamed,
      adoptName: legacy,
      cidr: "10.40.0.0/16",
      identity: `urn:${renamed}`,
    });
    const adopted = await handlers("Network").create(inputs);
    assert.strictEqual(adopted.id, net.id);
    assert.strictEqual(adopted.outs?.name, renamed);
    await assertNoDrift("Network", adopted.id, inputs);
  });

  it("host: adopted by its address", async () => {
    const made = await createAndVerify("Host", {
      address: "10.41.0.1",
      username: "root",
      password: "pw-adopt",
      identity: "urn:host-made",
    });
    const inputs = await checkedInputs("Host", {
      address: "10.41.0.1",
      adoptName: "10.41.0.1",
      username: "root",
      password: "pw-adopt",
      identity: "urn:host-adopted",
    });
    const adopted = await handlers("Host").create(inputs);
    assert.strictEqual(adopted.id, made.id);
    await assertNoDrift("Host", adopted.id, inputs);
  });
});
