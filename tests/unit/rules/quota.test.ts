import * as assert from "assert";
import * as fc from "fast-check";
import {
  convert,
  QUOTA_UNITS,
  quotaItemsProblem,
  quotaKeyProblem,
  quotaLimitProblem,
  quotaUnitProblem,
  unitFamily,
  type QuotaUnit,
} from "../../../rules/quota";
import { QUOTA_UNIT_VALUES } from "../../../provider/generated/schema";

describe("rules/quota units", () => {
  it("converts units", () => {
    assert.strictEqual(convert(2, "GB", "MB"), 2048);
    assert.strictEqual(convert(512, "MB", "GB"), 0.5);
    assert.strictEqual(convert(1, "COUNT", "GB"), undefined);
    assert.strictEqual(convert(3, "COUNT", "COUNT"), 3);
  });

  it("property: a size converted there and back is the size", () => {
    const size = fc.constantFrom<QuotaUnit>("GB", "MB", "KB", "B");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 20 }), size, size, (n, a, b) => {
        const back = convert(convert(n, a, b) as number, b, a) as number;
        assert.ok(Math.abs(back - n) < 1e-9 * Math.max(1, n));
      }),
    );
  });

  const units: [string, string, string | undefined][] = [
    ["vm.cpu", "COUNT", undefined],
    ["vm.cpu", "GB", "must be COUNT for vm.cpu"],
    ["vm", "MB", "must be COUNT for vm"],
    ["vm.memory", "GB", undefined],
    ["vm.memory", "COUNT", "must be a size unit (GB, MB, KB, B) for vm.memory"],
    ["storage.VSAN", "TB", "must be one of GB, MB, KB, B, COUNT"],
    ["ephemeral-disk.capacity", "COUNT", "must be a size unit (GB, MB, KB, B) for ephemeral-disk.capacity"],
    ["rack.units", "COUNT", undefined],
    ["rack.units", "KB", undefined],
    ["vm.cpu", "count", "must be one of GB, MB, KB, B, COUNT"],
  ];
  for (const [key, unit, problem] of units)
    it(`${key} in ${unit} -> ${problem ?? "accepted"}`, () =>
      assert.strictEqual(quotaUnitProblem(key, unit), problem));

  it("families of the well-known keys", () => {
    assert.deepStrictEqual(
      ["vm", "vm.cost", "sdn.floatingip.size", "vm.memory", "storage.LOCAL_VMFS", "x.y"].map(unitFamily),
      ["count", "count", "count", "size", "size", undefined],
    );
  });

  it("the units are schema.json's QuotaUnit, which check's users read", () => {
    assert.deepStrictEqual([...QUOTA_UNITS], [...QUOTA_UNIT_VALUES]);
  });
});

describe("rules/quota keys and limits", () => {
  const keys: [string, boolean][] = [
    ["vm", true],
    ["vm.cpu", true],
    ["storage.VSAN", true],
    ["ephemeral-disk.capacity", true],
    ["VM CPU", false],
    ["vm..cpu", false],
    ["", false],
    ["1vm", false],
  ];
  for (const [key, ok] of keys)
    it(`key ${JSON.stringify(key)} is ${ok ? "accepted" : "refused"}`, () =>
      assert.strictEqual(
        quotaKeyProblem(key),
        ok ? undefined : "is not a quota key such as vm.cpu or storage.VSAN",
      ));

  it("a limit is a finite number of at least 0", () => {
    for (const ok of [0, 1, 0.5, 1e12]) assert.strictEqual(quotaLimitProblem(ok), undefined);
    for (const bad of [-1, -0.5, NaN, Infinity])
      assert.strictEqual(quotaLimitProblem(bad), "must be a number of at least 0");
  });

  it("the first problem of a request's items, in the server's dotted style", () => {
    assert.strictEqual(quotaItemsProblem({ "vm.cpu": { limit: 8, unit: "COUNT" } }, "quotaItems"), undefined);
    assert.deepStrictEqual(quotaItemsProblem({ "vm.cpu": { limit: 8, unit: "GB" } }, "quota.quotaItems"), {
      property: "quota.quotaItems.vm.cpu.unit",
      problem: "must be COUNT for vm.cpu",
      value: "GB",
    });
    assert.deepStrictEqual(quotaItemsProblem({ vm: { limit: -1, unit: "COUNT" } }, "quotaItems"), {
      property: "quotaItems.vm.limit",
      problem: "must be a number of at least 0",
      value: -1,
    });
    assert.deepStrictEqual(quotaItemsProblem({ "VM CPU": { limit: 1, unit: "COUNT" } }, "quotaItems"), {
      property: "quotaItems.VM CPU",
      problem: "is not a quota key such as vm.cpu or storage.VSAN",
      value: "VM CPU",
    });
  });
});
