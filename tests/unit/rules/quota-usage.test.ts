import * as assert from "assert";
import * as fc from "fast-check";
import {
  limitBelowUsageProblem,
  mergeItems,
  release,
  removeItems,
  replaceItems,
  reserve,
  sumCosts,
  type QuotaItems,
} from "../../../rules/quota-usage";

describe("rules/quota-usage", () => {
  const quota: QuotaItems = {
    "vm.cpu": { limit: 8, usage: 6, unit: "COUNT" },
    "vm.memory": { limit: 16, usage: 0, unit: "GB" },
  };

  it("reserves within limits, keys without items are unlimited", () => {
    const r = reserve(quota, [
      { key: "vm.cpu", value: 2, unit: "COUNT" },
      { key: "vm.memory", value: 4096, unit: "MB" },
      { key: "vm", value: 1, unit: "COUNT" },
    ]);
    assert.ok(r.ok);
    assert.strictEqual(r.items["vm.cpu"]?.usage, 8);
    assert.strictEqual(r.items["vm.memory"]?.usage, 4);
    assert.strictEqual(quota["vm.cpu"]?.usage, 6, "input untouched");
  });

  it("refuses over the limit with the whole message", () => {
    const r = reserve(quota, [{ key: "vm.cpu", value: 3, unit: "COUNT" }]);
    assert.deepStrictEqual(r, {
      ok: false,
      message: "Not enough quota for vm.cpu: limit 8 COUNT, desired usage 9 COUNT",
    });
  });

  it("refuses a unit mismatch", () => {
    const r = reserve(quota, [{ key: "vm.cpu", value: 1, unit: "GB" }]);
    assert.deepStrictEqual(r, { ok: false, message: "Quota item vm.cpu is in COUNT but the cost is in GB" });
  });

  it("PUT keeps usage of kept keys, PATCH merges, DELETE removes", () => {
    const put = replaceItems(quota, { "vm.cpu": { limit: 10, unit: "COUNT" } });
    assert.deepStrictEqual(put, { "vm.cpu": { limit: 10, unit: "COUNT", usage: 6 } });
    const patched = mergeItems(quota, { vm: { limit: 3, unit: "COUNT" } });
    assert.deepStrictEqual(Object.keys(patched).sort(), ["vm", "vm.cpu", "vm.memory"]);
    assert.deepStrictEqual(Object.keys(removeItems(quota, ["vm.cpu"])), ["vm.memory"]);
  });

  it("PUT converts the usage of a kept key to its new unit", () => {
    const put = replaceItems(quota, { "vm.memory": { limit: 16384, unit: "MB" } });
    assert.deepStrictEqual(put, { "vm.memory": { limit: 16384, unit: "MB", usage: 0 } });
  });

  it("limitBelowUsageProblem finds a limit below usage", () => {
    const lowered = replaceItems(quota, { "vm.cpu": { limit: 2, unit: "COUNT" } });
    assert.deepStrictEqual(limitBelowUsageProblem(lowered), {
      property: "quotaItems.vm.cpu.limit",
      problem: "must not be below usage 6",
      value: 2,
    });
    assert.strictEqual(limitBelowUsageProblem(quota), undefined);
  });

  it("sums costs by key and unit", () => {
    assert.deepStrictEqual(
      sumCosts([[{ key: "vm", value: 1, unit: "COUNT" }], [{ key: "vm", value: 2, unit: "COUNT" }]]),
      [{ key: "vm", value: 3, unit: "COUNT" }],
    );
  });

  it("property: reserve then release gives the usage back, and usage never exceeds the limit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }),
        (limit, values) => {
          let items: QuotaItems = { vm: { limit, usage: 0, unit: "COUNT" } };
          const granted: number[] = [];
          for (const v of values) {
            const r = reserve(items, [{ key: "vm", value: v, unit: "COUNT" }]);
            if (r.ok) {
              items = r.items;
              granted.push(v);
            }
            assert.ok((items["vm"]?.usage ?? 0) <= limit);
          }
          for (const v of granted) items = release(items, [{ key: "vm", value: v, unit: "COUNT" }]);
          assert.strictEqual(items["vm"]?.usage, 0);
        },
      ),
    );
  });
});
