import * as assert from "assert";
import { parseCli } from "../../../controller/cli";
import { lostWorkers } from "../../../controller/clusters/maintenance";
import { chooseVictims } from "../../../controller/clusters/resize";
import { batchSize, surgeOf } from "../../../controller/clusters/upgrade";
import { extendedPropertiesProblem } from "../../../controller/clusters/validate";
import { flavorCostProblem } from "../../../controller/catalog/routes";
import { capacityFromMetadata, poolShareGb } from "../../../controller/hosts/capacity";
import type { Vm } from "../../../controller/model";
import { membersProblem } from "../../../controller/storage/pools";

function worker(name: string, createdTime: number, hostId = "h1", state: Vm["state"] = "STARTED"): Vm {
  return {
    id: name,
    name,
    flavor: "f",
    clusterId: "c",
    projectId: "p",
    tenantId: "t",
    hostId,
    datastoreId: "d",
    role: "KubernetesWorker",
    cpuCount: 1,
    memoryMb: 1,
    diskGb: 1,
    cost: [],
    kubernetesVersion: "1.36.3",
    state,
    tags: [],
    createdTime,
  };
}

describe("controller rules", () => {
  it("shrinking removes cordoned workers first, then the newest", () => {
    const ws = [worker("a", 1), worker("b", 2), worker("c", 3), worker("d", 4)];
    assert.deepStrictEqual(chooseVictims(ws, new Set(["a"]), 2), ["a", "d"]);
    assert.deepStrictEqual(chooseVictims(ws, new Set(), 1), ["d"]);
    assert.deepStrictEqual(chooseVictims(ws, new Set(), 0), []);
  });

  it("lost workers: missing, not ready, or on an unhealthy host", () => {
    const ws = [
      worker("a", 1),
      worker("b", 2),
      worker("c", 3, "h2"),
      worker("d", 4),
      worker("e", 5, "h1", "CREATING"),
    ];
    const nodes = new Map([
      ["a", { ready: true }],
      ["b", { ready: false }],
      ["c", { ready: true }],
    ]);
    assert.deepStrictEqual(lostWorkers(ws, nodes, new Set(["h1"])), ["b", "c", "d"]);
  });

  it("surge and batch sizes", () => {
    assert.deepStrictEqual(surgeOf({ extendedProperties: {} }), { maxSurge: 1, maxUnavailable: 0 });
    assert.strictEqual(batchSize({ maxSurge: 0, maxUnavailable: 3 }), 3);
    assert.strictEqual(batchSize({ maxSurge: 2, maxUnavailable: 0 }), 2);
  });

  it("extended properties", () => {
    assert.strictEqual(extendedPropertiesProblem({ number_of_masters: "3" }), undefined);
    assert.deepStrictEqual(extendedPropertiesProblem({ number_of_masters: "2" }), {
      property: "extendedProperties.number_of_masters",
      problem: "must be 1, 3 or 5",
      value: 2,
    });
    assert.deepStrictEqual(extendedPropertiesProblem({ max_surge: "0" }), {
      property: "extendedProperties.max_unavailable",
      problem: "must be at least 1 when maxSurge is 0",
      value: 0,
    });
    assert.strictEqual(
      extendedPropertiesProblem({ container_network: "10.0.0.1/8" })?.problem,
      "must have no host bits set (use 10.0.0.0/8)",
    );
  });

  it("storage pool members and shares", () => {
    assert.strictEqual(
      membersProblem(["READY"], 1),
      "must list at least 3 hosts to tolerate 1 failures (2 * failuresToTolerate + 1)",
    );
    assert.strictEqual(
      membersProblem(["READY", "MAINTENANCE", "SUSPENDED"], 1),
      "must name hosts in state READY or MAINTENANCE",
    );
    assert.strictEqual(membersProblem(["READY", undefined, "READY"], 1), "must name existing hosts");
    assert.strictEqual(membersProblem(["READY"], 0), undefined);
    assert.strictEqual(poolShareGb(100, 1, 3), 67);
    assert.strictEqual(poolShareGb(100, 0, 1), 100);
  });

  it("host capacity from metadata", () => {
    assert.deepStrictEqual(capacityFromMetadata({ cpuCount: "4" }), {
      ok: true,
      capacity: { cpuCount: 4, memoryMb: 131072, datastoreGb: 2048 },
    });
    assert.deepStrictEqual(capacityFromMetadata({ memoryMb: "-1" }), {
      ok: false,
      property: "metadata.memoryMb",
      value: "-1",
    });
  });

  it("vm flavors need vm.cpu and vm.memory", () => {
    assert.strictEqual(
      flavorCostProblem("vm", [{ key: "vm.cpu", value: 1, unit: "COUNT" }]),
      "must hold vm.memory in GB, MB, KB or B",
    );
    assert.strictEqual(flavorCostProblem("persistent-disk", []), undefined);
  });

  it("parses the command line", () => {
    assert.deepStrictEqual(parseCli(["--data", "/d", "--port", "0", "--fault-throttle-rate", "0.5"]), {
      dataDir: "/d",
      port: 0,
      kubernetes: "real",
      faults: { throttleRate: 0.5 },
    });
    assert.deepStrictEqual(parseCli(["--data", "/d"]), { dataDir: "/d", port: 9000, kubernetes: "real" });
    assert.strictEqual(parseCli(["--data", "/d", "--kubernetes", "none"]).kubernetes, "none");
    assert.throws(
      () => parseCli(["--data", "/d", "--kubernetes", "fake"]),
      /--kubernetes must be real or none \(was fake\)/,
    );
    assert.throws(() => parseCli([]), /--data DIR is required/);
    assert.throws(
      () => parseCli(["--data", "/d", "--port", "x"]),
      /--port must be a non-negative number \(was x\)/,
    );
  });
});
