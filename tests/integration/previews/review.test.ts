import { strict as assert } from "assert";
import * as path from "path";
import { startTestController, type TestController } from "../../provider/harness";
import { supportedKubernetesVersions } from "../../../toolchain/binaries";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";
import { ADMIN_PASSWORD } from "../resources/steps";
import { changedInputs, changedResources, nameOfUrn, type PlannedPreview, type ResourceDiff } from "./review";

/*
 * Previews a reviewer can trust, under the real CLI: examples/policy/platform (hosts, pool, tenant,
 * project, a network with a security policy, a 3-master cluster) is deployed once on a controller whose
 * clusters are VMs only, then each change is previewed with --diff and must show exactly the properties
 * it changes: a scale-up, a version upgrade, a narrowed security rule, and a replace. A last preview
 * --json is read as a review tool would.
 */

const CLUSTER = "pulumi-nodejs:dynamic/photon:KubernetesCluster";
const NETWORK = "pulumi-nodejs:dynamic/photon:Network";
const [NEWER = "", OLDER = ""] = supportedKubernetesVersions();

/** The blocks as `[marker, op, type, name, changed keys]` rows, for whole-list comparisons. */
function summary(diffs: readonly ResourceDiff[]): (string | string[])[][] {
  return diffs.map((d) => [d.marker, d.op, d.type, d.name, d.changed]);
}

/** A marked line without the padding the CLI adds to align the names of one resource's properties. */
function plain(line: string | undefined): string {
  return (line ?? "").replace(/\s+:/, ":");
}

describe("integration: pulumi preview --diff and --json show exactly what changes", function () {
  this.timeout(900_000);
  let ctl: TestController;
  let stack: LocalStack;

  /** Previews the stack with one setting changed, then puts the setting back. */
  async function previewWith(key: string, value: string, restore?: string): Promise<ResourceDiff[]> {
    await stack.setConfig(key, value);
    const result = await stack.preview(["--diff"]);
    if (restore === undefined) await stack.stack(["config", "rm", key, "--config-file", stack.configFile]);
    else await stack.setConfig(key, restore);
    return changedResources(result.stdout);
  }

  before(async function () {
    ctl = await startTestController();
    stack = await LocalStack.create(
      path.join(packageRoot(), "examples", "policy", "platform"),
      `review-${process.pid}`,
    );
    await stack.setConfig("photon:endpoint", ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("esxPassword", "esx-Review-Secret-5", true);
    await stack.setConfig("kubernetesVersion", OLDER);
    await stack.up();
  });

  // The controller and its data folder go with the test: no destroy needed to leave nothing behind.
  after(async function () {
    await stack?.dispose();
    await ctl?.close();
  });

  it("a worker scale-up: one update, only workerCount", async function () {
    const diffs = await previewWith("workerCount", "3");
    assert.deepEqual(summary(diffs), [["~", "update", CLUSTER, "k8s", ["workerCount"]]]);
    assert.equal(plain(diffs[0]?.lines[0]), "~ workerCount: 2 => 3");
  });

  it("a version upgrade: one update in place, only kubernetesVersion", async function () {
    const diffs = await previewWith("kubernetesVersion", NEWER, OLDER);
    assert.deepEqual(summary(diffs), [["~", "update", CLUSTER, "k8s", ["kubernetesVersion"]]]);
    assert.equal(plain(diffs[0]?.lines[0]), `~ kubernetesVersion: "${OLDER}" => "${NEWER}"`);
  });

  it("a policy tightening: one update of the network, down to the narrowed range of the one rule", async function () {
    const diffs = await previewWith("adminCidr", "10.1.0.0/16");
    assert.deepEqual(summary(diffs), [
      ["~", "update", NETWORK, "front", ["securityPolicy", "rules", "[1]", "cidrs", "[0]"]],
    ]);
    assert.equal(plain(diffs[0]?.lines.at(-1)), '~ [0]: "10.0.0.0/8" => "10.1.0.0/16"');
  });

  it("a change the server cannot make in place: a replace, and the only property shown is the one that forces it", async function () {
    const diffs = await previewWith("masterCount", "5");
    assert.deepEqual(summary(diffs), [["+-", "replace", CLUSTER, "k8s", ["masterCount"]]]);
    assert.equal(plain(diffs[0]?.lines[0]), "~ masterCount: 3 => 5");
  });

  it("preview --json: a review tool reads each planned step's op, replace reasons and changed inputs", async function () {
    await stack.setConfig("masterCount", "5");
    await stack.setConfig("workerCount", "3");
    await stack.setConfig("adminCidr", "10.1.0.0/16");
    const plan = JSON.parse((await stack.preview(["--json"])).stdout) as PlannedPreview;
    const changes = plan.steps.filter((s) => s.op !== "same");
    assert.deepEqual(
      changes.map((s) => [s.op, nameOfUrn(s.urn), s.replaceReasons ?? [], changedInputs(s)]),
      [
        ["update", "front", [], ["securityPolicy"]],
        ["replace", "k8s", ["masterCount"], ["masterCount", "workerCount"]],
      ],
    );
    assert.ok(
      changes.every((s) => s.urn.startsWith(`urn:pulumi:${stack.stackName}::photon-policy-platform::`)),
    );
    assert.deepEqual(plan.changeSummary, { update: 1, replace: 1, same: 7 });
  });
});
