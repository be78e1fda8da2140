import * as assert from "assert";
import { handlers } from "../../provider";
import { setClientOptions } from "../../provider/context";
import { createAndVerify, startTestController, type TestController, unique, useController } from "./harness";

/** The admin's GET, repeated through the injected faults: a failed GET never passes for an answer. */
async function getThroughFaults<T>(ctl: TestController, p: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctl.get<T>(p);
    } catch (e) {
      if (attempt >= 20) throw e;
    }
  }
}

describe("handlers under injected faults", function () {
  describe("503, 429 (Retry-After) and connection resets", () => {
    let ctl: TestController;
    before(async () => {
      ctl = await startTestController({
        unavailableRate: 0.15,
        throttleRate: 0.15,
        resetRate: 0.1,
        retryAfterSeconds: 0,
        seed: 7,
      });
      useController(ctl.url);
      // 40% of requests fail: with the default 6 attempts a request gives up once in ~250, which a
      // run of this size meets now and then. The test is about recovering, not about giving up.
      setClientOptions({
        poll: { initialMs: 5, maxMs: 50, growth: 1.5 },
        retry: { maxAttempts: 15, baseDelayMs: 10, maxDelayMs: 100 },
      });
    });
    after(async () => ctl?.close());

    it("creates, reads, updates and deletes complete, and no object is made twice", async () => {
      const names = [1, 2, 3, 4, 5, 6].map(() => unique("flaky"));
      const made = await Promise.all(
        names.map((name) =>
          createAndVerify("Tenant", {
            name,
            identity: `urn:${name}`,
            quota: { vm: { limit: 1, unit: "COUNT" } },
          }),
        ),
      );
      for (const name of names) {
        const list = await getThroughFaults<{ items: unknown[] }>(ctl, `/v1/tenants?name=${name}`);
        assert.strictEqual(list.items.length, 1, `${name} exists once`);
      }
      for (const m of made)
        await handlers("Tenant").update(m.id, m.inputs, {
          ...m.inputs,
          quota: { vm: { limit: 2, unit: "COUNT" } },
        });
      for (const m of made) await handlers("Tenant").delete(m.id, m.inputs);
      for (const m of made) assert.deepStrictEqual(await handlers("Tenant").read(m.id, m.inputs), { id: "" });
    });
  });

  describe("a create whose answer is lost", () => {
    let ctl: TestController;
    before(async () => {
      ctl = await startTestController({ lostResponseRate: 1, seed: 1 });
      // A static token: every write's answer is lost here, the token grant's included.
      useController(ctl.url, { "photon:token": ctl.token });
    });
    after(async () => ctl?.close());

    for (const type of ["Tenant", "Host"] as const) {
      it(`${type}: the provider finds the object its lost POST made instead of making a second one`, async () => {
        const name = unique("lost");
        const inputs =
          type === "Tenant"
            ? { name, identity: `urn:${name}` }
            : { address: "10.99.0.1", username: "root", password: "pw-lost", identity: `urn:${name}` };
        const { id } = await createAndVerify(type, inputs);
        const list = await ctl.get<{ items: Array<{ id: string }> }>(
          type === "Tenant" ? `/v1/tenants?name=${name}` : "/v1/infrastructure/hosts",
        );
        assert.deepStrictEqual(
          list.items.map((i) => i.id),
          [id],
        );
      });
    }
  });
});
