import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { type RunningController, startController } from "../../../controller";
import { KubernetesRuntime } from "../../../controller/kube/runtime";
import { LocalStack } from "../../../toolchain/engine";
import { survivors } from "../../support/processes";
import { ADMIN_PASSWORD } from "../resources/steps";
import { previewWithPack, PROGRAM, rows, setAll, violationsOf } from "./violations";

/*
 * photon-pdb-below-replicas under the real CLI. A stack policy sees outputs, which Kubernetes objects
 * have only once their cluster's kubeconfig is known, so this one needs a deployed cluster with a real
 * control plane: examples/policy/platform with its application (3 replicas, minAvailable 2) is brought up
 * on a controller with the Kubernetes runtime, then minAvailable 3 is previewed with the pack.
 */

describe("integration: the budget rule that needs a deployed cluster (real Kubernetes runtime)", function () {
  this.timeout(900_000);
  let dataDir: string;
  let runtime: KubernetesRuntime;
  let ctl: RunningController;
  let stack: LocalStack;
  const pids = new Set<number>();

  before(async function () {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-policy-kube-"));
    runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
    ctl = await startController({
      port: 0,
      host: "127.0.0.1",
      dataDir,
      taskStepDelayMs: 0,
      clusterRuntime: runtime,
    });
    stack = await LocalStack.create(PROGRAM, `budgets-${process.pid}`);
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("esxPassword", "esx-Budget-Secret-3", true);
    await setAll(stack, {
      "photon:endpoint": ctl.url,
      "photon:username": "admin",
      masterCount: "1",
      workerCount: "2",
      replicas: "3",
      budgetMinAvailable: "2",
    });
    await stack.up();
    for (const pid of await runtime.pids()) pids.add(pid);
  });

  after(async function () {
    await stack?.dispose();
    for (const pid of (await runtime?.pids()) ?? []) pids.add(pid);
    await ctl?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    assert.deepEqual(survivors([...pids]), [], "processes left behind");
  });

  it("minAvailable equal to the replicas is refused, naming the budget and the workload", async function () {
    await setAll(stack, { budgetMinAvailable: "3" });
    const result = await previewWithPack(stack);
    assert.notEqual(result.code, 0, result.stdout);
    const found = violationsOf(result.stdout);
    assert.deepEqual(rows(found), [
      ["mandatory", "photon-pdb-below-replicas", "kubernetes:policy/v1:PodDisruptionBudget: web"],
    ]);
    assert.equal(
      found[0]?.message,
      "the budget (minAvailable 3) allows no disruption of web (3 replicas): no pod may be evicted, so a drain of a photon node can never finish",
    );
  });
});
