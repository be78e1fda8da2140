import * as assert from "assert";
import {
  drainTimeoutProblem,
  productionClusterProblems,
  type ClusterSettings,
  workerCapProblem,
} from "../../../sdk/policy/clusters";
import { isProductionStack, stackOfUrn } from "../../../sdk/policy/scope";

describe("sdk/policy: clusters and where rules apply", () => {
  const urns: [string, string][] = [
    ["urn:pulumi:prod::web::pulumi-nodejs:dynamic/photon:KubernetesCluster::k8s", "prod"],
    ["urn:pulumi:prod-eu::web::pulumi:pulumi:Stack::web-prod-eu", "prod-eu"],
    ["urn:pulumi:dev::a::b$c::d", "dev"],
    ["not-a-urn", ""],
  ];
  for (const [urn, stack] of urns)
    it(`stack of ${urn} is "${stack}"`, () => assert.strictEqual(stackOfUrn(urn), stack));

  const stacks: [string, readonly string[], boolean][] = [
    ["prod", ["prod", "prod-*", "production"], true],
    ["prod-eu", ["prod", "prod-*", "production"], true],
    ["production", ["prod", "prod-*", "production"], true],
    ["product", ["prod", "prod-*", "production"], false],
    ["dev", ["prod", "prod-*", "production"], false],
    ["Prod", ["prod"], false],
    ["anything", ["*"], true],
    ["prod", [], false],
  ];
  for (const [stack, patterns, production] of stacks)
    it(`stack ${stack} with ${JSON.stringify(patterns)} is ${production ? "" : "not "}production`, () =>
      assert.strictEqual(isProductionStack(stack, patterns), production));

  const clusters: [ClusterSettings, string[]][] = [
    [{ masterCount: 3, autoRepair: true }, []],
    [{ masterCount: 5 }, []],
    [{}, ["masterCount is 1: a production cluster needs 3 or 5 masters"]],
    [{ masterCount: 1, autoRepair: true }, ["masterCount is 1: a production cluster needs 3 or 5 masters"]],
    [
      { masterCount: 3, autoRepair: false },
      ["autoRepair is false: a production cluster must repair its failed nodes"],
    ],
    [
      { masterCount: 1, autoRepair: false },
      [
        "masterCount is 1: a production cluster needs 3 or 5 masters",
        "autoRepair is false: a production cluster must repair its failed nodes",
      ],
    ],
  ];
  for (const [cluster, problems] of clusters)
    it(`production cluster ${JSON.stringify(cluster)}: ${problems.length} problems`, () =>
      assert.deepStrictEqual(productionClusterProblems(cluster), problems));

  const drains: [string | undefined, string, string | undefined][] = [
    ["10m", "30m", undefined],
    ["30m", "30m", undefined],
    ["1h", "1h30m", undefined],
    ["31m", "30m", "drainTimeout 31m is longer than the maximum 30m"],
    ["2h", "15m", "drainTimeout 2h is longer than the maximum 15m"],
    [undefined, "30m", "drainTimeout is not set: set it, at most 30m"],
    ["soon", "30m", "drainTimeout soon is not a duration such as 90s, 10m or 1h"],
  ];
  for (const [value, max, problem] of drains)
    it(`drainTimeout ${String(value)} with maximum ${max}: ${problem ?? "fine"}`, () =>
      assert.strictEqual(drainTimeoutProblem(value, max), problem));

  const caps: [number, number, string | undefined][] = [
    [0, 0, undefined],
    [100, 100, undefined],
    [101, 100, "this cluster asks for 101 workers, more than the cap of 100"],
    [1, 0, "this cluster asks for 1 workers, more than the cap of 0"],
  ];
  for (const [workers, cap, problem] of caps)
    it(`${workers} workers under a cap of ${cap}: ${problem ?? "fine"}`, () =>
      assert.strictEqual(workerCapProblem(workers, cap, "this cluster"), problem));
});
