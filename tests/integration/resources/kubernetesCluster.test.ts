import { strict as assert } from "assert";
import * as path from "path";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";
import { type KubeController, startKubeController } from "../../support/kubeController";
import { survivors } from "../../support/processes";
import { gatherOn, sampledWhile, servingOn, waitServing } from "../kube/availability";
import {
  budgetAllows,
  clusterVms,
  cordoned,
  hostAction,
  type Kube,
  kubeOf,
  readyReplicas,
  stateOf,
  timed,
} from "../kube/cliCluster";
import { ADMIN_PASSWORD } from "./steps";

/*
 * examples/kubernetes-cluster under the real CLI against a controller whose clusters are real control
 * planes: one KubernetesCluster (1 master, 2 workers, Kubernetes 1.35.4, on two hosts) with a Deployment
 * of 3 replicas and a PodDisruptionBudget (maxUnavailable 1) on `cluster.provider`, taken through the
 * issue's sequence on the same cluster: scale 2 -> 4 -> 3, a blocking budget, upgrade to 1.36.3, a
 * failed host repaired by the next `up`, destroy. Every change goes through stack config.
 */

const FROM = "1.35.4";
const TO = "1.36.3";

const sorted = (v: unknown) => [...(v as string[])].sort();

describe("integration: KubernetesCluster with an application on it under the real CLI", function () {
  this.timeout(1_800_000);
  let kc: KubeController;
  let stack: LocalStack;
  let clusterId: string;
  let kube: Kube;
  const vmIds = new Set<string>();

  const outputs = () => stack.outputs();

  /** Remembers the cluster's VMs and processes, so destroy can be checked to leave none behind. */
  async function remember(): Promise<void> {
    for (const vm of await kc.api.list<{ id: string }>(`/v1/services/${clusterId}/vms`)) vmIds.add(vm.id);
    await kc.remember();
  }

  before(async function () {
    kc = await startKubeController("photon-kc-cli", { faults: {} });
    const program = path.join(packageRoot(), "examples", "kubernetes-cluster");
    stack = await LocalStack.create(program, `kc-${process.pid}`);
    await stack.setConfig("photon:endpoint", kc.ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("esxPassword", "esx-Cluster-Secret-23", true);
  });

  after(async function () {
    await stack?.dispose();
    await kc?.close();
  });

  it("preview of the empty stack plans the cluster and the application on it", async function () {
    const preview = await timed("preview of the empty stack", () => stack.preview(["--json"]));
    const steps = (JSON.parse(preview.stdout) as { steps?: Array<{ op: string; urn: string }> }).steps;
    const creates = (steps ?? []).filter((s) => s.op === "create").map((s) => s.urn.split("::").pop());
    for (const name of ["k8s", "k8s-k8s", "web"])
      assert.ok(creates.includes(name), `${name} in ${creates.join(", ")}`);
  });

  it(`up makes the cluster at ${FROM}, every node Ready, and runs the Deployment on it`, async function () {
    const up = await timed("up (1 master + 2 workers, Deployment, budget)", () => stack.up());
    const progress = (up.stdout + up.stderr).split("\n").filter((l) => /nodes Ready/.test(l));
    console.log(`      progress lines the user saw: ${JSON.stringify(progress.map((l) => l.trim()))}`);
    assert.ok(
      progress.some((l) => l.includes("3/3 nodes Ready")),
      "the wait's progress reaches the CLI output",
    );
    const out = await outputs();
    clusterId = String(out.clusterId);
    assert.equal((out.readyNodes as string[]).length, 3);
    assert.equal(out.version, FROM);
    kube = kubeOf(out.kubeconfig);
    assert.equal((await kube.version.getCode()).gitVersion, `v${FROM}`);
    assert.equal((await kube.core.listNode()).items.length, 3);
    assert.equal(await readyReplicas(kube, "web"), 3);
    await remember();
  });

  it("preview and refresh of the untouched stack show no changes", async function () {
    await timed("preview, refresh, preview (no changes)", async () => {
      await stack.preview(["--expect-no-changes"]);
      await stack.refresh(["--expect-no-changes"]);
      await stack.preview(["--expect-no-changes"]);
    });
  });

  it("scales 2 -> 4 workers in place", async function () {
    await stack.setConfig("workerCount", "4");
    const up = await timed("scale-up 2 -> 4 workers", () => stack.up());
    assert.match(up.stdout, /1 updated/);
    assert.equal(((await outputs()).workerNodes as string[]).length, 4);
    assert.equal((await kube.core.listNode()).items.length, 5);
    await remember();
  });

  it("scales 4 -> 3 workers with at least 2 of the Deployment's 3 pods serving throughout", async function () {
    // The provider removes the newest worker: it is made to carry 2 of the 3 pods, so the budget must
    // hold the second eviction until the first pod's replacement serves.
    const workers = (await outputs()).workerNodes as string[];
    const victim = workers[workers.length - 1] ?? "";
    await gatherOn(kube.core, "web", victim, 2, 3);
    await stack.setConfig("workerCount", "3");
    const kubeconfig = String((await outputs()).kubeconfig);
    const { result: up, samples } = await timed("scale-down 4 -> 3 workers", () =>
      sampledWhile(kubeconfig, "web", () => stack.up()),
    );
    console.log(
      `      scale-down samples (2 of 3 pods on the removed node): ${samples.length} pod events, ` +
        `serving pods after each: min ${Math.min(...samples)}: ${samples.join(",")}`,
    );
    assert.match(up.stdout, /1 updated/);
    assert.ok(samples.length > 1, "the removed node's pods moved");
    assert.ok(Math.min(...samples) >= 2, `serving pods fell below 2: ${samples.join(",")}`);
    assert.deepEqual((await outputs()).workerNodes, workers.slice(0, 3), "the drained worker is removed");
    assert.equal((await kube.core.listNode()).items.length, 4);
    assert.deepEqual(await cordoned(kube), []);
    await waitServing(kube.core, "web", 3);
    await stack.preview(["--expect-no-changes"]);
  });

  it("a budget that allows no disruption fails the scale-down naming it; every node stays schedulable", async function () {
    await stack.setConfig("maxUnavailable", "0");
    await timed("up: budget to maxUnavailable 0", () => stack.up());
    await budgetAllows(kube, "web", 0);
    const workers = (await outputs()).workerNodes as string[];
    const victim = workers[workers.length - 1] ?? "";
    if ((await servingOn(kube.core, "web", victim)) === 0) await gatherOn(kube.core, "web", victim, 1, 3);
    await stack.setConfig("workerCount", "2");
    await stack.setConfig("drainTimeout", "10s");
    const up = await timed("blocked scale-down 3 -> 2 (fails)", () => stack.up([], { allowFailure: true }));
    const text = up.stdout + up.stderr;
    const line = text.split("\n").find((l) => l.includes("could not drain"));
    console.log(`      the CLI said: ${line?.trim()}`);
    assert.notEqual(up.code, 0, "the up fails");
    assert.match(text, /PodDisruptionBudget default\/web\b/);
    assert.match(text, new RegExp(`could not drain ${victim}`));
    assert.deepEqual(await cordoned(kube), [], "every node is schedulable again");
    assert.equal((await kube.core.listNode()).items.length, 4, "the cluster was not resized");
    for (const [key, value] of [
      ["workerCount", "3"],
      ["drainTimeout", "2m"],
      ["maxUnavailable", "1"],
    ] as const)
      await stack.setConfig(key, value);
    await timed("up: budget back to maxUnavailable 1", () => stack.up());
    await budgetAllows(kube, "web", 1);
    assert.equal(((await outputs()).workerNodes as string[]).length, 3);
  });

  it(`upgrades ${FROM} -> ${TO} in place with at least 2 pods serving throughout`, async function () {
    await stack.setConfig("kubernetesVersion", TO);
    const kubeconfig = String((await outputs()).kubeconfig);
    const {
      result: up,
      samples,
      reconnects,
    } = await timed(`upgrade ${FROM} -> ${TO}`, () => sampledWhile(kubeconfig, "web", () => stack.up()));
    console.log(
      `      upgrade samples: ${samples.length} pod events (watch taken up again ${reconnects} times), ` +
        `serving pods after each: min ${Math.min(...samples)}: ${samples.join(",")}`,
    );
    assert.match(up.stdout, /1 updated/);
    assert.doesNotMatch(up.stdout, /replaced/);
    assert.ok(samples.length > 1, "the drained nodes' pods moved");
    assert.ok(Math.min(...samples) >= 2, `serving pods fell below 2: ${samples.join(",")}`);
    const out = await outputs();
    assert.equal(out.version, TO);
    assert.equal(out.clusterId, clusterId, "the same cluster");
    kube = kubeOf(out.kubeconfig);
    assert.equal((await kube.version.getCode()).gitVersion, `v${TO}`);
    const nodes = (await kube.core.listNode()).items;
    assert.deepEqual(
      nodes.map((n) => n.status?.nodeInfo?.kubeletVersion),
      nodes.map(() => `v${TO}`),
    );
    assert.equal(nodes.length, 4);
    assert.deepEqual(await cordoned(kube), []);
    await remember();
    await waitServing(kube.core, "web", 3);
  });

  it("a failed host: refresh reports its nodes not ready (no input diff), the next up repairs them", async function () {
    const vms = await clusterVms(kc.api, clusterId);
    const masterHost = vms.find((vm) => vm.role === "KubernetesMaster")?.hostId;
    const lost = vms.filter((vm) => vm.role === "KubernetesWorker" && vm.hostId !== masterHost);
    const failedHost = lost[0]?.hostId ?? "";
    assert.ok(lost.length > 0, `a worker runs beside the master's host: ${JSON.stringify(vms)}`);
    await hostAction(kc.api, failedHost, "fail");
    const before = await stateOf(stack, "k8s");
    await timed("refresh after the host failed", () => stack.refresh());
    const after = await stateOf(stack, "k8s");
    console.log(`      after refresh: notReadyNodes ${JSON.stringify(after.outputs.notReadyNodes)}`);
    assert.deepEqual(after.outputs.notReadyNodes, lost.map((vm) => vm.name).sort());
    assert.deepEqual(after.inputs, before.inputs, "the refresh changed no input");
    const up = await timed("up that repairs", () => stack.up());
    assert.match(up.stdout + up.stderr, /repairing not-ready nodes/);
    assert.match(up.stdout, /1 updated/);
    const repaired = await outputs();
    const now = await clusterVms(kc.api, clusterId);
    const nodes = now.filter((vm) => vm.role !== "KubernetesEtcd").map((vm) => vm.name);
    assert.deepEqual(repaired.notReadyNodes, []);
    assert.deepEqual(sorted(repaired.readyNodes), sorted(nodes));
    assert.equal(nodes.length, 4, "1 master and 3 workers again");
    assert.ok(
      now.every((vm) => vm.hostId !== failedHost || vm.role !== "KubernetesWorker"),
      "no worker is left on the failed host",
    );
    await remember();
    await hostAction(kc.api, failedHost, "provision");
    await stack.preview(["--expect-no-changes"]);
  });

  it("destroy leaves no cluster, VM, process or etcd key", async function () {
    await timed("destroy", () => stack.destroy());
    assert.equal(await kc.api.find(`/v1/services/${clusterId}`), undefined, "the cluster is gone");
    for (const id of vmIds) {
      const vm = await kc.api.find<{ state: string }>(`/v1/vms/${id}`);
      assert.ok(vm === undefined || vm.state === "DELETED", `VM ${id} is ${vm?.state}`);
    }
    assert.equal(await kc.runtime.etcdKeysOf(clusterId), 0);
    const left = new Set(await kc.runtime.pids());
    assert.deepEqual(
      survivors([...kc.pids].filter((p) => !left.has(p))),
      [],
      "processes of the destroyed cluster",
    );
    assert.ok(left.size <= 1, `only the shared etcd may run: ${[...left].join(", ")}`);
  });
});
