import * as assert from "assert";
import {
  claimDiskTags,
  gbToQuantity,
  poolShortfall,
  quantityToGb,
  storageClassNameOf,
  volumeNameOf,
} from "../../../rules/volumes";

describe("rules/volumes", () => {
  const quantities: [string, number | undefined][] = [
    ["1Gi", 1],
    ["10Gi", 10],
    ["500Mi", 1],
    ["1025Mi", 2],
    ["1G", 1],
    ["2G", 2],
    ["1Ti", 1024],
    ["1", 1],
    ["1073741824", 1],
    ["1073741825", 2],
    ["1.5Gi", 2],
    [" 3Gi ", 3],
    ["1e3", undefined],
    ["100m", undefined],
    ["-1Gi", undefined],
    ["Gi", undefined],
    ["", undefined],
  ];
  for (const [quantity, gb] of quantities)
    it(`quantity ${JSON.stringify(quantity)} is ${String(gb)} GB of disk`, () =>
      assert.strictEqual(quantityToGb(quantity), gb));

  it("a disk's size reads back as the same whole GB", () => {
    for (const gb of [1, 2, 7, 1024]) assert.strictEqual(quantityToGb(gbToQuantity(gb)), gb);
  });

  const classes: [string, string][] = [
    ["vsan", "vsan-vsan"],
    ["Gold-Tier", "vsan-gold-tier"],
    ["a1", "vsan-a1"],
  ];
  for (const [pool, name] of classes)
    it(`pool ${pool} has the class ${name}`, () => assert.strictEqual(storageClassNameOf(pool), name));

  it("names a claim's volume and tags its disk after the claim's uid", () => {
    const uid = "0f8d2c1e-7c1b-4c55-9d7e-3b1f5d6a9e20";
    assert.strictEqual(volumeNameOf(uid), `pvc-${uid}`);
    assert.deepStrictEqual(claimDiskTags("c1", uid), ["photon:cluster=c1", `photon:claim-uid=${uid}`]);
  });

  it("words a shortfall with the pool, what is left and what was asked", () =>
    assert.strictEqual(poolShortfall("vsan", 8, 20), "storage pool vsan has 8 GB left, 20 GB asked"));
});
