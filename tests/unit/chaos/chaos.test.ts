import { strict as assert } from "assert";
import { FaultInjector } from "../../../controller/faults";
import { plaintextSecrets, stateIds } from "../../chaos/audit";
import { descendants } from "../../chaos/processTree";
import { drawPlan, operationsStarted } from "../../chaos/scenarios";
import { seeded } from "../../chaos/world";

describe("chaos suite: pure parts", function () {
  describe("descendants (the tree a kill must reach, read from pid -> parent pid)", function () {
    const table = new Map([
      [10, 1], // pulumi up
      [11, 10], // language host
      [12, 11], // node program
      [13, 10], // dynamic provider (own process group, same parent)
      [20, 1], // unrelated
      [21, 20],
    ]);
    const cases: Array<[number, number[]]> = [
      [10, [10, 11, 13, 12]],
      [11, [11, 12]],
      [12, [12]],
      [20, [20, 21]],
      [99, [99]],
    ];
    for (const [root, tree] of cases) {
      it(`of ${root}: ${tree.join(",")}`, function () {
        assert.deepEqual(descendants(root, table), tree);
      });
    }
  });

  describe("operationsStarted (when a kill is armed)", function () {
    const cases: Array<[string, number]> = [
      ["", 0],
      [" +  pulumi:pulumi:Stack p-s creating (0s) \n", 1],
      [" +  x:Host esx-01 creating (0s) \n +  x:Host esx-01 created (0.2s) \n", 1],
      [" -  x:Tenant t deleting (0s) \n ~  x:Network n updating (0s) [diff: ~cidr]\n", 2],
      [" +- x:Pool p replacing (0s) \n", 1],
      ["warning: creating things later\n", 0],
    ];
    for (const [output, n] of cases) {
      it(`${JSON.stringify(output).slice(0, 60)} -> ${n}`, function () {
        assert.equal(operationsStarted(output), n);
      });
    }
  });

  it("drawPlan stays in range and repeats with its seed", function () {
    const a = seeded(7);
    const b = seeded(7);
    for (let i = 0; i < 200; i++) {
      const plan = drawPlan(a, 9);
      assert.deepEqual(plan, drawPlan(b, 9));
      assert.ok(plan.afterOperations >= 1 && plan.afterOperations <= 9, JSON.stringify(plan));
      assert.ok(plan.delayMs >= 0 && plan.delayMs < 400, JSON.stringify(plan));
    }
  });

  describe("plaintextSecrets", function () {
    const secrets = { "ESX password": "esx-pw", "photon password": "admin-pw" };
    const cases: Array<[string, string[]]> = [
      ['{"password":{"ciphertext":"v1:abc"}}', []],
      ['{"password":"esx-pw"}', ["ESX password"]],
      ['{"a":"admin-pw","b":"esx-pw"}', ["ESX password", "photon password"]],
      ['{"kubeconfig":"users:\\n- user:\\n    client-key-data: LS0t"}', ["kubeconfig private key"]],
      ['{"k":"-----BEGIN RSA PRIVATE KEY-----"}', ["kubeconfig private key"]],
    ];
    for (const [state, found] of cases) {
      it(`${state.slice(0, 50)} -> [${found.join(", ")}]`, function () {
        assert.deepEqual(plaintextSecrets([state], secrets), found);
      });
    }
  });

  it("stateIds keeps photon resources with ids and counts pending operations", function () {
    const exported = JSON.stringify({
      deployment: {
        resources: [
          { type: "pulumi:pulumi:Stack", urn: "urn:s" },
          { type: "pulumi:providers:pulumi-nodejs", urn: "urn:p", id: "prov" },
          { type: "pulumi-nodejs:dynamic/photon:Tenant", urn: "urn:t", id: "t1" },
          { type: "pulumi-nodejs:dynamic/photon:Host", urn: "urn:h" },
        ],
        pending_operations: [{ type: "creating" }],
      },
    });
    const { ids, pending } = stateIds(exported);
    assert.deepEqual([...ids], [["t1", "urn:t"]]);
    assert.equal(pending, 1);
  });

  it("FaultInjector counts what it injects, by kind, and repeats with its seed", function () {
    const options = {
      unavailableRate: 0.1,
      throttleRate: 0.1,
      resetRate: 0.1,
      lostResponseRate: 0.2,
      seed: 5,
    };
    const run = (): { faults: string[]; counts: unknown } => {
      const f = new FaultInjector(options);
      const faults: string[] = [];
      for (let i = 0; i < 1000; i++) {
        faults.push(f.requestFault());
        if (f.loseResponse()) faults.push("lost");
      }
      return { faults, counts: f.injected };
    };
    const first = run();
    assert.deepEqual(run(), first);
    const count = (k: string): number => first.faults.filter((x) => x === k).length;
    assert.deepEqual(first.counts, {
      unavailable: count("unavailable"),
      throttle: count("throttle"),
      reset: count("reset"),
      lostResponse: count("lost"),
      stepFailure: 0,
    });
    for (const k of ["unavailable", "throttle", "reset"]) assert.ok(count(k) > 60 && count(k) < 140, k);
    assert.ok(count("lost") > 140 && count("lost") < 260);
  });
});
