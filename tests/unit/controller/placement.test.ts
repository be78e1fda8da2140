import * as assert from "assert";
import * as fc from "fast-check";
import { place, type HostSlot, type VmRequest } from "../../../controller/clusters/placement";

const host = (id: string, cpuCount: number, memoryMb: number, datastoreGb = 1000): HostSlot => ({
  id,
  cpuCount,
  memoryMb,
  datastoreGb,
});
const vm = (name: string, cpuCount: number, memoryMb: number, group = "w", datastoreGb = 10): VmRequest => ({
  name,
  cpuCount,
  memoryMb,
  datastoreGb,
  group,
});

describe("controller placement", () => {
  it("spreads a group over distinct hosts while it can", () => {
    const r = place(
      [host("a", 8, 8192), host("b", 8, 8192), host("c", 8, 8192)],
      [vm("m1", 1, 1024, "m"), vm("m2", 1, 1024, "m"), vm("m3", 1, 1024, "m")],
    );
    assert.ok(r.ok);
    assert.deepStrictEqual(new Set(r.hostIds).size, 3);
  });

  it("answers NotEnoughMemoryResource with the whole message", () => {
    const r = place([host("a", 8, 2048)], [vm("w1", 1, 4096)]);
    assert.deepStrictEqual(r, {
      ok: false,
      code: "NotEnoughMemoryResource",
      message: "no host has 4096 MB of free memory for VM w1 (largest free: 2048 MB)",
    });
  });

  it("answers NotEnoughCpuResource when memory fits but CPUs do not", () => {
    const r = place([host("a", 2, 8192)], [vm("w1", 4, 1024)]);
    assert.deepStrictEqual(r, {
      ok: false,
      code: "NotEnoughCpuResource",
      message: "no host has 4 free CPUs for VM w1 (largest free: 2)",
    });
  });

  it("answers NotEnoughDatastoreCapacity last", () => {
    const r = place([host("a", 8, 8192, 5)], [vm("w1", 1, 1024, "w", 10)]);
    assert.ok(!r.ok && r.code === "NotEnoughDatastoreCapacity");
  });

  it("accounts for earlier placements", () => {
    const r = place([host("a", 4, 4096)], [vm("w1", 2, 2048), vm("w2", 2, 2048), vm("w3", 1, 1)]);
    assert.ok(!r.ok && r.code === "NotEnoughMemoryResource");
  });

  const hostsArb = fc
    .array(
      fc.record({
        cpuCount: fc.integer({ min: 0, max: 16 }),
        memoryMb: fc.integer({ min: 0, max: 16384 }),
        datastoreGb: fc.integer({ min: 0, max: 200 }),
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((hs) => hs.map((h, i) => ({ id: `h${i}`, ...h })));
  const vmsArb = fc
    .array(
      fc.record({
        cpuCount: fc.integer({ min: 1, max: 8 }),
        memoryMb: fc.integer({ min: 1, max: 8192 }),
        datastoreGb: fc.integer({ min: 0, max: 60 }),
        group: fc.constantFrom("m", "w"),
      }),
      { maxLength: 12 },
    )
    .map((vs) => vs.map((v, i) => ({ name: `vm${i}`, ...v })));

  it("property: never overcommits a host", () => {
    fc.assert(
      fc.property(hostsArb, vmsArb, (hosts, vms) => {
        const r = place(hosts, vms);
        if (!r.ok) return;
        for (const h of hosts) {
          const on = vms.filter((_, i) => r.hostIds[i] === h.id);
          assert.ok(on.reduce((a, v) => a + v.cpuCount, 0) <= h.cpuCount);
          assert.ok(on.reduce((a, v) => a + v.memoryMb, 0) <= h.memoryMb);
          assert.ok(on.reduce((a, v) => a + v.datastoreGb, 0) <= h.datastoreGb);
        }
      }),
    );
  });

  it("property: a failure names a VM that fits no host after the ones placed before it", () => {
    fc.assert(
      fc.property(hostsArb, vmsArb, (hosts, vms) => {
        const r = place(hosts, vms);
        if (r.ok) return;
        const idx = vms.findIndex((v) => r.message.includes(`VM ${v.name} `));
        assert.ok(idx >= 0);
        const before = place(hosts, vms.slice(0, idx));
        assert.ok(before.ok, "everything before the failing VM is placed");
      }),
    );
  });

  it("property: placing is deterministic and a single VM that fits an empty host is placed", () => {
    fc.assert(
      fc.property(hostsArb, vmsArb, (hosts, vms) => {
        assert.deepStrictEqual(place(hosts, vms), place(hosts, vms));
        const first = vms[0];
        if (
          first &&
          hosts.some(
            (h) =>
              h.cpuCount >= first.cpuCount &&
              h.memoryMb >= first.memoryMb &&
              h.datastoreGb >= first.datastoreGb,
          )
        ) {
          assert.ok(place(hosts, [first]).ok);
        }
      }),
    );
  });
});
