import { strict as assert } from "assert";
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  PolicyV1Api,
  type V1Deployment,
  type V1PodDisruptionBudget,
} from "@kubernetes/client-node";
import { handlers } from "../../../provider";
import type { Props } from "../../../provider/resources/props";
import {
  assertNoDrift,
  checkedInputs,
  createAndVerify,
  tenantWithProject,
  unique,
  useController,
} from "../../provider/harness";
import { type KubeController, startKubeController } from "../../support/kubeController";
import { gatherOn, sampledWhile, waitServing } from "./availability";

/*
 * KubernetesCluster handlers against an in-process controller whose clusters are real control planes
 * (KubernetesRuntime, toolchain binaries): readiness, kubeconfig, health, drains that respect
 * PodDisruptionBudgets. The Photon-only paths are in tests/provider/kubernetesCluster.test.ts.
 */

const h = () => handlers("KubernetesCluster");

interface Kube {
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly policy: PolicyV1Api;
}

function kubeOf(kubeconfig: unknown): Kube {
  assert.equal(typeof kubeconfig, "string", "the cluster has a kubeconfig output");
  const config = new KubeConfig();
  config.loadFromString(String(kubeconfig));
  return {
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    policy: config.makeApiClient(PolicyV1Api),
  };
}

function deployment(name: string, replicas: number, nodeName?: string): V1Deployment {
  const spec = { containers: [{ name, image: "nginx" }], ...(nodeName && { nodeName }) };
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
    },
  };
}

function budget(name: string, app: string, maxUnavailable: number): V1PodDisruptionBudget {
  return { metadata: { name }, spec: { maxUnavailable, selector: { matchLabels: { app } } } };
}

describe("KubernetesCluster handlers against real control planes", function () {
  this.timeout(900_000);
  let kc: KubeController;
  let projectId: string;
  let id: string;
  let inputs: Props;
  let outs: Props;

  before(async function () {
    kc = await startKubeController("photon-kc-kube");
    useController(kc.ctl.url);
    const { project } = await tenantWithProject("kk");
    projectId = project.id;
    for (const n of [1, 2]) {
      const address = `10.78.${process.pid % 200}.${n}`;
      await createAndVerify("Host", {
        address,
        username: "root",
        password: "pw-kube",
        identity: `urn:h-${address}`,
        metadata: { cpuCount: "32", memoryMb: "65536", datastoreGb: "2048" },
      });
    }
  });

  after(async function () {
    await kc?.close();
  });

  it("create waits until every node is Ready and hands out a kubeconfig that lists them", async function () {
    const name = unique("kc");
    inputs = await checkedInputs("KubernetesCluster", {
      projectId,
      name,
      masterCount: 1,
      workerCount: 3,
      identity: `urn:${name}`,
    });
    const started = Date.now();
    const made = await h().create(inputs);
    console.log(`      create of 1 master + 3 workers: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    id = made.id;
    outs = made.outs ?? {};
    await kc.remember();
    const expected = [...(outs.masterNodes as string[]), ...(outs.workerNodes as string[])].sort();
    assert.equal(expected.length, 4);
    assert.deepEqual(outs.readyNodes, expected);
    assert.deepEqual(outs.notReadyNodes, []);
    assert.equal(outs.state, "READY");
    const nodes = (await kubeOf(outs.kubeconfig).core.listNode()).items.map((n) => n.metadata?.name).sort();
    assert.deepEqual(nodes, expected);
  });

  it("read reports the nodes' health without a diff, and the kubeconfig byte for byte", async function () {
    const read = await h().read(id, outs);
    assert.equal(read.id, id);
    const props = read.props ?? {};
    const diff = await h().diff(id, props, inputs);
    assert.equal(diff.changes, false, JSON.stringify(diff));
    assert.deepEqual(props.readyNodes, outs.readyNodes);
    assert.deepEqual(props.notReadyNodes, []);
    assert.equal(props.kubeconfig, outs.kubeconfig);
  });

  it("scale-down cordons and drains the removed worker: 2 of 3 pods serve throughout", async function () {
    const kube = kubeOf(outs.kubeconfig);
    await kube.apps.createNamespacedDeployment({ namespace: "default", body: deployment("web", 3) });
    await kube.policy.createNamespacedPodDisruptionBudget({
      namespace: "default",
      body: budget("web-budget", "web", 1),
    });
    await waitServing(kube.core, "web", 3);
    // The provider removes the newest worker (the server's order is oldest first): it carries 2 pods, so
    // the budget must hold the second eviction until the first pod's replacement serves.
    const workers = outs.workerNodes as string[];
    const victim = workers[workers.length - 1] ?? "";
    await gatherOn(kube.core, "web", victim, 2, 3);
    const news = { ...inputs, workerCount: 2 };
    const started = Date.now();
    const { result, samples } = await sampledWhile(String(outs.kubeconfig), "web", () =>
      h().update(id, outs, news),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `      scale-down 3 -> 2 workers (2 of 3 pods on the removed node): ${seconds} s, ` +
        `${samples.length} pod events, serving pods after each: min ${Math.min(...samples)}: ${samples.join(",")}`,
    );
    assert.ok(samples.length > 0);
    assert.ok(Math.min(...samples) >= 2, `serving pods fell below 2: ${samples.join(",")}`);
    outs = result.outs ?? {};
    assert.deepEqual(outs.workerNodes, workers.slice(0, 2), "the drained worker is the one removed");
    assert.equal((outs.readyNodes as string[]).length, 3);
    const nodes = (await kube.core.listNode()).items;
    assert.equal(nodes.length, 3);
    assert.ok(
      nodes.every((n) => n.spec?.unschedulable !== true),
      "no node is left cordoned",
    );
    await waitServing(kube.core, "web", 3);
    inputs = news;
  });

  it("a budget that allows no disruption fails the scale-down naming it and the pods left; nodes stay schedulable", async function () {
    const kube = kubeOf(outs.kubeconfig);
    const workers = outs.workerNodes as string[];
    const victim = workers[workers.length - 1] ?? "";
    await kube.apps.createNamespacedDeployment({
      namespace: "default",
      body: deployment("pinned", 1, victim),
    });
    await kube.policy.createNamespacedPodDisruptionBudget({
      namespace: "default",
      body: budget("pinned-budget", "pinned", 0),
    });
    await waitServing(kube.core, "pinned", 1);
    const pod = (await kube.core.listNamespacedPod({ namespace: "default", labelSelector: "app=pinned" }))
      .items[0]?.metadata?.name;
    const news = { ...inputs, workerCount: 1, drainTimeout: "10s" };
    const started = Date.now();
    const error = await h()
      .update(id, outs, news)
      .then(
        () => assert.fail("the scale-down should fail"),
        (e: unknown) => e as Error,
      );
    console.log(
      `      blocked scale-down failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error.message}`,
    );
    assert.match(error.message, /PodDisruptionBudget default\/pinned-budget/);
    assert.ok(error.message.includes(`default/${String(pod)}`), error.message);
    assert.match(error.message, new RegExp(`could not drain ${victim}`));
    const nodes = (await kube.core.listNode()).items;
    assert.equal(nodes.length, 3, "the cluster was not resized");
    assert.deepEqual(
      nodes.filter((n) => n.spec?.unschedulable === true).map((n) => n.metadata?.name),
      [],
      "every node is schedulable again",
    );
    // The settings go to the server before any drain, so the failed scale-down leaves the new drain
    // timeout applied (and the read says so) while the worker count stays where it was.
    const props = await assertNoDrift("KubernetesCluster", id, { ...inputs, drainTimeout: "10s" });
    assert.equal((props.workerNodes as string[]).length, 2);
  });

  it("a pod under two budgets (never evictable) fails the scale-down at once; nodes stay schedulable", async function () {
    const kube = kubeOf(outs.kubeconfig);
    await kube.policy.deleteNamespacedPodDisruptionBudget({ name: "pinned-budget", namespace: "default" });
    for (const name of ["pinned-a", "pinned-b"])
      await kube.policy.createNamespacedPodDisruptionBudget({
        namespace: "default",
        body: budget(name, "pinned", 1),
      });
    const news = { ...inputs, workerCount: 1, drainTimeout: "5m" };
    const started = Date.now();
    const error = await h()
      .update(id, outs, news)
      .then(
        () => assert.fail("the scale-down should fail"),
        (e: unknown) => e as Error,
      );
    const took = Date.now() - started;
    console.log(
      `      scale-down with a pod under two budgets failed after ${(took / 1000).toFixed(1)} s: ${error.message}`,
    );
    assert.ok(took < 60_000, "it does not wait for the drain timeout");
    assert.match(
      error.message,
      /EvictionFailed: eviction of default\/pinned-\S+ failed: .*more than one PodDisruptionBudget/,
    );
    const nodes = (await kube.core.listNode()).items;
    assert.equal(nodes.length, 3, "the cluster was not resized");
    assert.deepEqual(
      nodes.filter((n) => n.spec?.unschedulable === true).map((n) => n.metadata?.name),
      [],
      "every node is schedulable again",
    );
  });

  it("delete waits until the cluster is gone, and a second delete succeeds", async function () {
    const started = Date.now();
    await h().delete(id, outs);
    console.log(`      delete: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(await h().read(id, inputs), { id: "" });
    await h().delete(id, outs);
    assert.equal(await kc.runtime.etcdKeysOf(id), 0, "no etcd key of the cluster is left");
  });
});
