import { strict as assert } from "assert";
import { closure, type LockPackages, offlineLock, resolveInLock } from "../../support/offlineLock";

// a -> b (hoisted), a -> c@2 (nested under a); d -> c@1 (hoisted); e is dev only; f is an optional peer.
const packages: LockPackages = {
  "": { dependencies: { a: "1" } },
  "node_modules/a": {
    version: "1.0.0",
    dependencies: { b: "1", c: "2" },
    peerDependencies: { f: "1" },
    peerDependenciesMeta: { f: { optional: true } },
  },
  "node_modules/a/node_modules/c": { version: "2.0.0" },
  "node_modules/b": { version: "1.0.0" },
  "node_modules/c": { version: "1.0.0" },
  "node_modules/d": { version: "1.0.0", dependencies: { c: "1" }, dev: true },
  "node_modules/e": { version: "1.0.0", dev: true },
  "node_modules/f": { version: "1.0.0" },
  "node_modules/@s/g": { version: "1.0.0", dependencies: { b: "1" } },
};

describe("offline lock for a program that installs the packed tarball", function () {
  for (const [from, name, key] of [
    ["", "a", "node_modules/a"],
    ["node_modules/a", "c", "node_modules/a/node_modules/c"],
    ["node_modules/d", "c", "node_modules/c"],
    ["node_modules/@s/g", "b", "node_modules/b"],
    ["node_modules/a/node_modules/c", "b", "node_modules/b"],
    ["", "missing", undefined],
  ] as const) {
    it(`${name} required from "${from}" is ${key}`, function () {
      assert.equal(resolveInLock(packages, from, name), key);
    });
  }

  it("takes what node would load, nested versions included, and leaves optional peers out", function () {
    assert.deepEqual([...closure(packages, ["a"])].sort(), [
      "node_modules/a",
      "node_modules/a/node_modules/c",
      "node_modules/b",
    ]);
  });

  it("keeps run-time packages as such, marks the rest dev, and points at the tarball", function () {
    const lock = offlineLock(packages, {
      name: "infra",
      tarball: "../pulumi-photon-0.1.0.tgz",
      tarballIntegrity: "sha512-x",
      packed: { version: "0.1.0", dependencies: { a: "1", d: "1" } },
      dependencies: { "pulumi-photon": "file:../pulumi-photon-0.1.0.tgz" },
      devDependencies: { e: "1" },
    }) as { packages: Record<string, { dev?: boolean; resolved?: string }> };
    assert.deepEqual(Object.keys(lock.packages).sort(), [
      "",
      "node_modules/a",
      "node_modules/a/node_modules/c",
      "node_modules/b",
      "node_modules/c",
      "node_modules/d",
      "node_modules/e",
      "node_modules/pulumi-photon",
    ]);
    assert.equal(lock.packages["node_modules/d"]?.dev, undefined, "d is a run-time package of the tarball");
    assert.equal(lock.packages["node_modules/e"]?.dev, true);
    assert.equal(lock.packages["node_modules/pulumi-photon"]?.resolved, "file:../pulumi-photon-0.1.0.tgz");
  });
});
