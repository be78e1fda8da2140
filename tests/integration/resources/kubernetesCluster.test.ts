import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { type RunningController, startController } from "../../../controller";
import { KubernetesRuntime } from "../../../controller/kube/runtime";
import { PhotonClient } from "../../../provider/client";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";
import { survivors } from "../../support/processes";
import { gatherOn, sampledWhile, waitServing } from "../kube/availability";
import { ADMIN_PASSWORD } from "./steps";

/*
 * examples/kubernetes-cluster under the real CLI against a controller whose clusters are real control
 * planes: a KubernetesCluster (1 master, 2 workers) with a Deployment of 3 replicas and a
 * PodDisruptionBudget (maxUnavailable 1) on `cluster.provider`, scaled 2 -> 3 -> 2 workers through config.
 */

interface Kube {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function readyReplicas(kube: Kube): Promise<number> {
  const d = await kube.apps.readNamespacedDeployment({ name: "web", namespace: "default" });
  return d.status?.readyReplicas ?? 0;
}

describe("integration: KubernetesCluster with an application on it under the real CLI", function () {
  this.timeout(900_000);
  let dataDir: string;
  let runtime: KubernetesRuntime;
  let ctl: RunningController;
  let api: PhotonClient;
  let stack: LocalStack;
  let clusterId: string;
  let kube: Kube;
  const vmIds = new Set<string>();
  const pids = new Set<number>();

  const outputs = async () => stack.outputs();

  /** Remembers the cluster's VMs and processes, so destroy can be checked to leave none behind. */
  async function remember(): Promise<void> {
    for (const vm of await api.list<{ id: string }>(`/v1/services/${clusterId}/vms`)) vmIds.add(vm.id);
    for (const pid of await runtime.pids()) pids.add(pid);
  }

  before(async function () {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-kc-cli-"));
    runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
    ctl = await startController({
      port: 0,
      host: "127.0.0.1",
      dataDir,
      taskStepDelayMs: 0,
      clusterRuntime: runtime,
    });
    api = new PhotonClient({ endpoint: ctl.url, token: await ctl.adminToken() });
    const program = path.join(packageRoot(), "examples", "kubernetes-cluster");
    stack = await LocalStack.create(program, `kc-${process.pid}`);
    await stack.setConfig("photon:endpoint", ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("esxPassword", "esx-Cluster-Secret-23", true);
  });

  after(async function () {
    await stack?.dispose();
    for (const pid of (await runtime?.pids()) ?? []) pids.add(pid);
    await ctl?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    assert.deepEqual(survivors([...pids]), [], "processes left behind");
  });

  it("preview of the empty stack plans the cluster and the application on it", async function () {
    const preview = JSON.parse((await stack.preview(["--json"])).stdout) as {
      steps?: Array<{ op: string; urn: string }>;
    };
    const creates = (preview.steps ?? [])
      .filter((s) => s.op === "create")
      .map((s) => s.urn.split("::").pop());
    for (const name of ["k8s", "k8s-k8s", "web"])
      assert.ok(creates.includes(name), `${name} in ${creates.join(", ")}`);
  });

  it("up makes the cluster, every node Ready, and runs the Deployment on it", async function () {
    const started = Date.now();
    const up = await stack.up();
    const progress = (up.stdout + up.stderr).split("\n").filter((l) => /nodes Ready/.test(l));
    console.log(`      progress lines the user saw: ${JSON.stringify(progress.map((l) => l.trim()))}`);
    assert.ok(
      progress.some((l) => l.includes("3/3 nodes Ready")),
      "the wait's progress reaches the CLI output",
    );
    console.log(`      up (cluster 1 master + 2 workers, Deployment, budget): ${seconds(started)}`);
    const out = await outputs();
    clusterId = String(out.clusterId);
    assert.equal((out.readyNodes as string[]).length, 3);
    const config = new KubeConfig();
    config.loadFromString(String(out.kubeconfig));
    kube = { core: config.makeApiClient(CoreV1Api), apps: config.makeApiClient(AppsV1Api) };
    assert.equal((await kube.core.listNode()).items.length, 3);
    assert.equal(await readyReplicas(kube), 3);
    await remember();
  });

  it("preview and refresh of the untouched stack show no changes", async function () {
    await stack.preview(["--expect-no-changes"]);
    await stack.refresh(["--expect-no-changes"]);
    await stack.preview(["--expect-no-changes"]);
  });

  it("scales 2 -> 3 workers in place", async function () {
    await stack.setConfig("workerCount", "3");
    const started = Date.now();
    const up = await stack.up();
    console.log(`      scale-up 2 -> 3 workers: ${seconds(started)}`);
    assert.match(up.stdout, /1 updated/);
    assert.equal(((await outputs()).workerNodes as string[]).length, 3);
    assert.equal((await kube.core.listNode()).items.length, 4);
    await remember();
  });

  it("scales 3 -> 2 workers with at least 2 of the Deployment's 3 pods serving throughout", async function () {
    // The provider removes the newest worker: it is made to carry 2 of the 3 pods, so the budget must
    // hold the second eviction until the first pod's replacement serves.
    const workers = (await outputs()).workerNodes as string[];
    const victim = workers[workers.length - 1] ?? "";
    await gatherOn(kube.core, "web", victim, 2, 3);
    await stack.setConfig("workerCount", "2");
    const kubeconfig = String((await outputs()).kubeconfig);
    const started = Date.now();
    const { result: up, samples } = await sampledWhile(kubeconfig, "web", () => stack.up());
    console.log(
      `      scale-down 3 -> 2 workers (2 of 3 pods on the removed node): ${seconds(started)}, ` +
        `${samples.length} pod events, serving pods after each: min ${Math.min(...samples)}: ${samples.join(",")}`,
    );
    assert.match(up.stdout, /1 updated/);
    assert.ok(samples.length > 1, "the removed node's pods moved");
    assert.ok(Math.min(...samples) >= 2, `serving pods fell below 2: ${samples.join(",")}`);
    assert.deepEqual(
      (await outputs()).workerNodes,
      workers.slice(0, 2),
      "the drained worker is the one removed",
    );
    const nodes = (await kube.core.listNode()).items;
    assert.equal(nodes.length, 3);
    assert.ok(nodes.every((n) => n.spec?.unschedulable !== true));
    await waitServing(kube.core, "web", 3);
    await stack.preview(["--expect-no-changes"]);
  });

  it("destroy leaves no cluster, VM, process or etcd key", async function () {
    const started = Date.now();
    await stack.destroy();
    console.log(`      destroy: ${seconds(started)}`);
    assert.equal(await api.find(`/v1/services/${clusterId}`), undefined, "the cluster is gone");
    for (const id of vmIds) {
      const vm = await api.find<{ state: string }>(`/v1/vms/${id}`);
      assert.ok(vm === undefined || vm.state === "DELETED", `VM ${id} is ${vm?.state}`);
    }
    assert.equal(await runtime.etcdKeysOf(clusterId), 0);
    const left = new Set(await runtime.pids());
    assert.deepEqual(
      survivors([...pids].filter((p) => !left.has(p))),
      [],
      "processes of the destroyed cluster",
    );
    assert.ok(left.size <= 1, `only the shared etcd may run: ${[...left].join(", ")}`);
  });
});
