import { strict as assert } from "assert";
import * as path from "path";
import { LocalStack } from "../../../toolchain/engine";
import { PACK, previewWithPack, PROGRAM, rows, setAll, violationsOf } from "./violations";

/*
 * examples/policy (every rule of pulumi-photon/policy) under the real CLI, on examples/policy/platform
 * in a stack named prod-* (a production stack by default). A preview of a stack never deployed calls
 * only the provider's check: no controller is needed. Four previews: one program breaking every rule at
 * once (each violation asserted by rule and resource), one passing them all, one breaking only the
 * advisory rules, and the same with examples/policy/strict.json turning them mandatory.
 */

const CLUSTER = "pulumi-nodejs:dynamic/photon:KubernetesCluster: k8s";
const NETWORK = "pulumi-nodejs:dynamic/photon:Network: front";

/** Settings that pass every rule. */
const COMPLIANT = {
  failuresToTolerate: "1",
  tenantQuota: "true",
  defaultAction: "DENY",
  adminCidr: "10.0.0.0/8",
  masterCount: "3",
  autoRepair: "true",
  drainTimeout: "5m",
  workerCount: "4",
  batchWorkers: "10",
  budgetMaxUnavailable: "1",
};

/** Settings that break every rule the first preview of a new stack can judge. */
const BREAKING = {
  failuresToTolerate: "0",
  tenantQuota: "false",
  defaultAction: "ALLOW",
  adminCidr: "0.0.0.0/0",
  masterCount: "1",
  autoRepair: "false",
  drainTimeout: "2h",
  workerCount: "120",
  batchWorkers: "90",
  budgetMaxUnavailable: "0",
};

describe("integration: the policy pack under the real CLI (pulumi preview --policy-pack)", function () {
  this.timeout(900_000);
  let stack: LocalStack;

  before(async function () {
    stack = await LocalStack.create(PROGRAM, `prod-${process.pid}`);
    await stack.setConfig("esxPassword", "esx-Policy-Secret-7", true);
  });

  after(async function () {
    await stack?.dispose();
  });

  it("a program that breaks every rule: each violation names its rule and resource, and the preview fails", async function () {
    await setAll(stack, BREAKING);
    const result = await previewWithPack(stack);
    assert.notEqual(result.code, 0, result.stdout);
    const found = violationsOf(result.stdout);
    assert.deepEqual(
      rows(found),
      [
        ["advisory", "photon-cluster-drain-timeout", CLUSTER],
        ["advisory", "photon-tenant-quota", "pulumi-nodejs:dynamic/photon:Tenant: acme"],
        ["mandatory", "photon-cluster-worker-cap", CLUSTER],
        ["mandatory", "photon-network-admin-ports-closed", NETWORK],
        ["mandatory", "photon-network-admin-ports-closed", NETWORK],
        ["mandatory", "photon-network-default-deny", NETWORK],
        ["mandatory", "photon-pdb-allows-disruption", "kubernetes:policy/v1:PodDisruptionBudget: web"],
        ["mandatory", "photon-production-cluster-ha", CLUSTER],
        ["mandatory", "photon-production-cluster-ha", CLUSTER],
        [
          "mandatory",
          "photon-stack-worker-cap",
          `pulumi:pulumi:Stack: photon-policy-platform-${stack.stackName}`,
        ],
        ["mandatory", "photon-storage-pool-redundancy", "pulumi-nodejs:dynamic/photon:StoragePool: vsan"],
      ],
      result.stdout,
    );
    const messages = found.map((v) => v.message);
    for (const expected of [
      "rule admin opens port 22 to 0.0.0.0/0",
      "rule admin opens port 6443 to 0.0.0.0/0",
      "masterCount is 1: a production cluster needs 3 or 5 masters",
      "autoRepair is false: a production cluster must repair its failed nodes",
      "this stack (2 clusters) asks for 210 workers, more than the cap of 200",
      "the budget (maxUnavailable 0) allows no disruption: no pod may be evicted, so a drain of a photon node can never finish",
    ])
      assert.ok(messages.includes(expected), `no violation says "${expected}":\n${messages.join("\n")}`);
  });

  it("the same program with compliant settings passes every rule", async function () {
    await setAll(stack, COMPLIANT);
    const result = await previewWithPack(stack);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(violationsOf(result.stdout), []);
  });

  it("advisory violations are reported and do not fail the preview", async function () {
    await setAll(stack, { tenantQuota: "false", drainTimeout: "20m", workerCount: "25" });
    const result = await previewWithPack(stack);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(rows(violationsOf(result.stdout)), [
      ["advisory", "photon-tenant-quota", "pulumi-nodejs:dynamic/photon:Tenant: acme"],
    ]);
  });

  it("the pack's config (strict.json) makes them mandatory and tightens the limits", async function () {
    const strict = path.join(PACK, "strict.json");
    const result = await previewWithPack(stack, ["--policy-pack-config", strict]);
    assert.notEqual(result.code, 0, result.stdout);
    const found = violationsOf(result.stdout);
    assert.deepEqual(rows(found), [
      ["mandatory", "photon-cluster-drain-timeout", CLUSTER],
      ["mandatory", "photon-cluster-worker-cap", CLUSTER],
      ["mandatory", "photon-tenant-quota", "pulumi-nodejs:dynamic/photon:Tenant: acme"],
    ]);
    const messages = found.map((v) => v.message);
    assert.ok(messages.includes("drainTimeout 20m is longer than the maximum 15m"), messages.join("\n"));
    assert.ok(
      messages.includes("this cluster asks for 25 workers, more than the cap of 20"),
      messages.join("\n"),
    );
  });
});
