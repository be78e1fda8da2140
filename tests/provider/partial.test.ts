import * as assert from "assert";
import { handlers } from "../../provider";
import type { Props } from "../../provider/resources/props";
import { assertNoDrift, checkedInputs, controllerPerSuite, type TestController, unique } from "./harness";

/** What the engine needs from a create that made an object but could not finish it. */
interface Partial {
  readonly id: string;
  readonly properties: Props;
  readonly reasons: string[];
}

async function partialOf(work: Promise<unknown>): Promise<Partial> {
  let caught: unknown;
  await work.then(
    () => assert.fail("the create should have failed"),
    (e: unknown) => (caught = e),
  );
  const e = caught as Partial;
  assert.strictEqual(typeof e.id, "string", `a partial failure carries the id: ${String(caught)}`);
  assert.notStrictEqual(e.id, "");
  assert.strictEqual(typeof e.properties, "object");
  assert.ok(Array.isArray(e.reasons) && e.reasons.length > 0, "a partial failure says why");
  return e;
}

/** Ids of the storage pools the server holds under a name. */
async function poolsNamed(ctl: TestController, name: string): Promise<string[]> {
  const pools = await ctl.get<{ items: Array<{ id: string; name: string }> }>(
    "/v1/infrastructure/storage-pools",
  );
  return pools.items.filter((p) => p.name === name).map((p) => p.id);
}

describe("a create whose object exists but never became ready", function () {
  describe("the create deadline is shorter than the task (slow steps)", () => {
    const ctl = controllerPerSuite({ slowStepMs: 400, seed: 3 });
    let nextIp = 10;

    async function hostInputs(timeout?: string): Promise<Props> {
      const address = `10.30.0.${nextIp++}`;
      return checkedInputs("Host", {
        address,
        username: "root",
        password: "pw-partial",
        identity: `urn:partial-${address}`,
        ...(timeout ? { timeouts: { create: timeout } } : {}),
      });
    }

    async function hostsAt(address: unknown): Promise<string[]> {
      const list = await ctl().get<{ items: Array<{ id: string; address: string; state: string }> }>(
        "/v1/infrastructure/hosts",
      );
      return list.items.filter((h) => h.address === address && h.state !== "DELETED").map((h) => h.id);
    }

    it("host: a partial failure with {id, properties, reasons}; a second create adopts that object", async () => {
      const inputs = await hostInputs("300ms");
      const partial = await partialOf(handlers("Host").create(inputs));
      assert.strictEqual(partial.properties.address, inputs.address);
      assert.strictEqual(partial.properties.state, "CREATING");
      assert.match(partial.reasons.join(" "), /did not finish in time/);
      assert.ok(!JSON.stringify(partial.reasons).includes("pw-partial"));
      assert.deepStrictEqual(await hostsAt(inputs.address), [partial.id]);

      const retried = { ...inputs, timeouts: { create: "30s" } };
      const { id, outs } = await handlers("Host").create(retried);
      assert.strictEqual(id, partial.id, "the retried create adopts the half-made host");
      assert.strictEqual(outs?.state, "READY");
      assert.deepStrictEqual(await hostsAt(inputs.address), [partial.id]);
      await assertNoDrift("Host", id, retried);
    });

    it("host: the engine's next update (of the kept id) waits for the object and completes it", async () => {
      const inputs = await hostInputs("300ms");
      const partial = await partialOf(handlers("Host").create(inputs));
      const news = { ...inputs, timeouts: { create: "30s", update: "30s" } };
      const { outs } = await handlers("Host").update(partial.id, partial.properties, news);
      assert.strictEqual(outs?.state, "READY");
      assert.deepStrictEqual(await hostsAt(inputs.address), [partial.id]);
      await assertNoDrift("Host", partial.id, news);
    });

    it("storage pool: the same with a pool, which a second create adopts by its identity tag", async () => {
      const hostIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const h = await hostInputs();
        hostIds.push((await handlers("Host").create(h)).id);
      }
      const name = unique("half");
      const inputs = await checkedInputs("StoragePool", {
        name,
        hostIds,
        capacityGb: 300,
        failuresToTolerate: 1,
        identity: `urn:${name}`,
        timeouts: { create: "200ms" },
      });
      const partial = await partialOf(handlers("StoragePool").create(inputs));
      assert.strictEqual(partial.properties.name, name);
      const retried = { ...inputs, timeouts: { create: "30s" } };
      const { id, outs } = await handlers("StoragePool").create(retried);
      assert.strictEqual(id, partial.id);
      assert.strictEqual(outs?.state, "READY");
      assert.deepStrictEqual(await poolsNamed(ctl(), name), [partial.id]);
    });
  });

  describe("the create task fails after the object exists", () => {
    const ctl = controllerPerSuite();

    it("storage pool in ERROR: a partial failure, and a retry reports the same object instead of a second", async () => {
      const hostIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const address = `10.31.0.${i + 1}`;
        const h = await checkedInputs("Host", {
          address,
          username: "root",
          password: "pw",
          identity: `urn:err-${address}`,
          metadata: { datastoreGb: "100" },
        });
        hostIds.push((await handlers("Host").create(h)).id);
      }
      const name = unique("toobig");
      // 2 x 1000 GB / 3 hosts each needs far more than the 100 GB a host has: the task's step fails.
      const inputs = await checkedInputs("StoragePool", {
        name,
        hostIds,
        capacityGb: 1000,
        failuresToTolerate: 1,
        identity: `urn:${name}`,
      });
      const partial = await partialOf(handlers("StoragePool").create(inputs));
      assert.strictEqual(partial.properties.state, "ERROR");
      assert.match(partial.reasons.join(" "), /NotEnoughDatastoreCapacity/);
      const again = await partialOf(handlers("StoragePool").create(inputs));
      assert.strictEqual(again.id, partial.id, "the retry finds the earlier object by its identity tag");
      assert.deepStrictEqual(await poolsNamed(ctl(), name), [partial.id]);
    });
  });
});
