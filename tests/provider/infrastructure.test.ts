import * as assert from "assert";
import { handlers } from "../../provider";
import { Deadline } from "../../provider/client/client";
import type { Props } from "../../provider/resources/props";
import {
  adminClient,
  assertNoDrift,
  controllerPerSuite,
  createAndVerify,
  tenantWithProject,
  unique,
} from "./harness";

const PASSWORD = "esx-Secret-4711";

describe("Host, StoragePool and Network handlers against a real controller", function () {
  const ctl = controllerPerSuite();
  let nextIp = 10;

  async function host(extra: Props = {}): Promise<{ id: string; inputs: Props }> {
    const address = `10.20.0.${nextIp++}`;
    return createAndVerify("Host", {
      address,
      username: "root",
      password: PASSWORD,
      identity: `urn:host-${address}`,
      ...extra,
    });
  }

  it("host: READY after create, maintenance on and off in place, delete goes through maintenance", async () => {
    const { id, inputs } = await host({ metadata: { cpuCount: "16" } });
    const h = handlers("Host");
    assert.strictEqual((await assertNoDrift("Host", id, inputs)).state, "READY");
    const on = { ...inputs, maintenance: true };
    await h.update(id, inputs, on);
    assert.strictEqual((await assertNoDrift("Host", id, on)).state, "MAINTENANCE");
    await h.update(id, on, inputs);
    assert.strictEqual((await assertNoDrift("Host", id, inputs)).state, "READY");
    await h.delete(id, inputs);
    assert.deepStrictEqual(await h.read(id, inputs), { id: "" });
  });

  it("host: a removal stopped after suspend (a killed destroy) reads as maintenance; the next update resumes it", async () => {
    const { id, inputs } = await host();
    const h = handlers("Host");
    const suspend = { method: "POST" as const, path: `/v1/infrastructure/hosts/${id}/suspend` };
    await adminClient(ctl().url).run(suspend, Deadline.after(30_000, "suspend"));
    const read = await h.read(id, inputs);
    assert.strictEqual(read.props?.["maintenance"], true);
    assert.ok((await h.diff(id, read.props ?? {}, inputs)).changes);
    await h.update(id, read.props ?? {}, inputs);
    assert.strictEqual((await assertNoDrift("Host", id, inputs)).state, "READY");
  });

  it("host: a refused create never shows the password", async () => {
    const { inputs } = await host();
    await assert.rejects(handlers("Host").create({ ...inputs, identity: "urn:dupe" }), (e: Error) => {
      assert.match(e.message, /DuplicateHost/);
      assert.ok(!e.message.includes(PASSWORD));
      return true;
    });
  });

  it("storage pool: grows, shrinks and changes members in place, then deletes", async () => {
    const hosts = [await host(), await host(), await host(), await host()];
    const name = unique("vsan");
    const base = {
      name,
      hostIds: hosts.slice(0, 3).map((h) => h.id),
      capacityGb: 1024,
      failuresToTolerate: 1,
      identity: `urn:${name}`,
    };
    const { id, inputs } = await createAndVerify("StoragePool", base);
    const p = handlers("StoragePool");
    const grown = { ...inputs, capacityGb: 2048, hostIds: hosts.slice(1).map((h) => h.id) };
    assert.deepStrictEqual((await p.diff(id, inputs, grown)).replaces, []);
    await p.update(id, inputs, grown);
    const live = await assertNoDrift("StoragePool", id, grown);
    assert.strictEqual(live.capacityGb, 2048);
    const shrunk = { ...grown, capacityGb: 512 };
    await p.update(id, grown, shrunk);
    assert.strictEqual((await assertNoDrift("StoragePool", id, shrunk)).capacityGb, 512);
    await p.delete(id, shrunk);
    assert.deepStrictEqual(await p.read(id, shrunk), { id: "" });
  });

  it("network: policy, rename and description in place; server overlap refusal is clear", async () => {
    const { project } = await tenantWithProject("n");
    const name = unique("front");
    const policy = {
      defaultAction: "DENY",
      rules: [
        {
          name: "web",
          direction: "INGRESS",
          action: "ALLOW",
          protocol: "TCP",
          cidrs: ["0.0.0.0/0"],
          ports: ["443"],
        },
      ],
    };
    const { id, inputs } = await createAndVerify("Network", {
      projectId: project.id,
      name,
      cidr: "10.10.0.0/16",
      securityPolicy: policy,
      identity: `urn:${name}`,
    });
    const n = handlers("Network");
    const changed = {
      ...inputs,
      name: `${name}-2`,
      description: "public",
      securityPolicy: { defaultAction: "ALLOW", rules: [] },
    };
    await n.update(id, inputs, changed);
    await assertNoDrift("Network", id, changed);
    await assert.rejects(
      n.create({
        projectId: project.id,
        name: unique("clash"),
        cidr: "10.10.1.0/24",
        description: "",
        identity: "urn:clash",
      }),
      /InvalidEntity: .*(overlap|10\.10\.0\.0\/16)/,
    );
    await n.delete(id, changed);
    assert.deepStrictEqual(await n.read(id, changed), { id: "" });
  });
});
