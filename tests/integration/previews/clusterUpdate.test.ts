import { strict as assert } from "assert";
import * as path from "path";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";
import { type KubeController, startKubeController } from "../../support/kubeController";
import { timed } from "../kube/cliCluster";
import { ADMIN_PASSWORD } from "../resources/steps";
import { changedResources, nameOfUrn, type PlannedPreview } from "./review";

/*
 * The preview of an in-place cluster update under the real CLI, against a controller whose clusters are
 * real control planes: examples/kubernetes-cluster (a cluster, with a Deployment and a budget on
 * `cluster.provider`) is deployed once, then a worker scale is previewed. Only the cluster may show as
 * updated: the Kubernetes provider takes its kubeconfig from KubernetesClusterAccess, which an in-place
 * update leaves alone (decision 0513), so nothing on the cluster shows as changed.
 */

const CLUSTER = "pulumi-nodejs:dynamic/photon:KubernetesCluster";

async function stateUrns(stack: LocalStack): Promise<string[]> {
  const state = JSON.parse(await stack.exportState()) as { deployment: { resources?: { urn: string }[] } };
  return (state.deployment.resources ?? []).map((r) => r.urn);
}

describe("integration: the preview of a cluster update shows the cluster only", function () {
  this.timeout(1_800_000);
  let kc: KubeController;
  let stack: LocalStack;

  before(async function () {
    kc = await startKubeController("photon-preview-kc");
    stack = await LocalStack.create(
      path.join(packageRoot(), "examples", "kubernetes-cluster"),
      `preview-kc-${process.pid}`,
    );
    await stack.setConfig("photon:endpoint", kc.ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("esxPassword", "esx-Preview-Secret-7", true);
    await stack.setConfig("workerCount", "1");
    await timed("up (1 master + 1 worker, Deployment, budget)", () => stack.up());
    await kc.remember();
  });

  after(async function () {
    try {
      if (stack) await timed("destroy", () => stack.destroy());
    } finally {
      await stack?.dispose();
      await kc?.close();
    }
  });

  it("preview --json of workerCount 1 -> 2: one update (the cluster), every other resource the same", async function () {
    await stack.setConfig("workerCount", "2");
    const preview = await timed("preview --json", () => stack.preview(["--json"]));
    const plan = JSON.parse(preview.stdout) as PlannedPreview;
    const changed = plan.steps.filter((s) => s.op !== "same").map((s) => [s.op, nameOfUrn(s.urn)]);
    assert.deepEqual(changed, [["update", "k8s"]]);
    assert.deepEqual(Object.keys(plan.changeSummary).sort(), ["same", "update"]);
    assert.equal(plan.changeSummary.update, 1);
    console.log(`      change summary: ${JSON.stringify(plan.changeSummary)}`);
    // Every Kubernetes resource in the state (the provider, the Deployment, the budget) and the
    // cluster's access are planned as the same (`--json` may leave "same" steps out).
    const watched = (await stateUrns(stack)).filter(
      (urn) => /(::|\$)(pulumi:providers:)?kubernetes[:\w/]*::/.test(urn) || urn.endsWith("::k8s-access"),
    );
    assert.deepEqual(watched.map(nameOfUrn).sort(), ["k8s-access", "k8s-k8s", "web", "web"]);
    for (const urn of watched) {
      const op = plan.steps.find((s) => s.urn === urn)?.op ?? "same";
      assert.equal(op, "same", `${urn} is planned as ${op}`);
    }
  });

  it("preview --diff shows only workerCount, with no unknown provider inputs", async function () {
    const preview = await timed("preview --diff", () => stack.preview(["--diff"]));
    const diffs = changedResources(preview.stdout);
    assert.deepEqual(
      diffs.map((d) => [d.marker, d.op, d.type, d.name, d.changed]),
      [["~", "update", CLUSTER, "k8s", ["workerCount"]]],
    );
    const output = preview.stdout + preview.stderr;
    assert.doesNotMatch(output, /inputs that are not known during preview/);
  });
});
