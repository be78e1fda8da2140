import { strict as assert } from "assert";
import * as path from "path";
import type { V1Pod } from "@kubernetes/client-node";
import { type KubeClients, kubeClients, waitFor } from "../../../controller/kube/client";
import { KubernetesRuntime } from "../../../controller/kube/runtime";
import {
  addHost,
  type Api,
  items,
  type Json,
  start,
  tempDir,
  tenantWithUser,
  type TestController,
} from "../../controller/helpers";
import { supportedKubernetesVersions } from "../../../toolchain/binaries";
import { survivors } from "../../support/processes";

const APP = "web";

/** Ready replicas as a client of the app sees them: Ready pods that are not being deleted. */
function readyReplicas(pods: readonly V1Pod[]): number {
  return pods.filter(
    (p) =>
      !p.metadata?.deletionTimestamp &&
      p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
  ).length;
}

/** Samples the app's ready replicas until stopped; answers the samples (API errors while it restarts are skipped). */
function sampler(api: KubeClients): { stop: () => Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const pods = await api.core.listNamespacedPod({ namespace: "default", labelSelector: `app=${APP}` });
        samples.push(readyReplicas(pods.items));
      } catch {
        // The control plane restarts on the new version at the end: no answer is no sample.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

async function budget(api: KubeClients, maxUnavailable: number): Promise<void> {
  await api.policy
    .deleteNamespacedPodDisruptionBudget({ name: APP, namespace: "default" })
    .catch(() => undefined);
  await api.policy.createNamespacedPodDisruptionBudget({
    namespace: "default",
    body: { metadata: { name: APP }, spec: { maxUnavailable, selector: { matchLabels: { app: APP } } } },
  });
  await waitFor(
    `budget ${APP} allowing ${maxUnavailable} disruptions`,
    async () => {
      const pdb = await api.policy.readNamespacedPodDisruptionBudget({ name: APP, namespace: "default" });
      const s = pdb.status;
      return s?.currentHealthy === 3 && s.disruptionsAllowed === maxUnavailable ? true : undefined;
    },
    60_000,
  );
}

describe("upgrades drain nodes through the Eviction API: budgets hold", function () {
  let t: TestController;
  let runtime: KubernetesRuntime;
  let user: Api;
  let clusterId: string;
  let api: KubeClients;
  let newImageId: string;
  const [newest, previous] = supportedKubernetesVersions();
  const pids = new Set<number>();

  before(async function () {
    const dataDir = tempDir();
    runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
    t = await start({ dataDir, clusterRuntime: runtime, faults: {} });
    for (const n of [1, 2, 3, 4]) await addHost(t, `10.8.0.${n}`, { cpuCount: "32", memoryMb: "65536" });
    let projectId: string;
    ({ user, projectId } = await tenantWithUser(t, "drain"));
    assert.ok(newest && previous);
    const images = items(await user.get("/v1/images"));
    const imageOf = (v: string) =>
      String(images.find((i) => i["name"] === `kubernetes-${v.replace(/\./g, "-")}`)?.["id"]);
    newImageId = imageOf(newest);
    const body = {
      type: "KUBERNETES",
      name: "roll",
      workerCount: 3,
      imageId: imageOf(previous),
      extendedProperties: { drain_timeout_seconds: "20" },
    };
    const task = await user.task(await user.post(`/v1/projects/${projectId}/services`, body), 180_000);
    assert.equal(task["state"], "COMPLETED", JSON.stringify(task["steps"]));
    clusterId = String((task["entity"] as Json)["id"]);
    api = kubeClients(String((await user.get(`/v1/services/${clusterId}/kubeconfig`)).body["kubeconfig"]));
    for (const pid of await runtime.pids()) pids.add(pid);
    await api.apps.createNamespacedDeployment({
      namespace: "default",
      body: {
        metadata: { name: APP },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: APP } },
          template: {
            metadata: { labels: { app: APP } },
            spec: { containers: [{ name: APP, image: "nginx" }] },
          },
        },
      },
    });
  });

  after(async function () {
    for (const pid of (await runtime?.pids()) ?? []) pids.add(pid);
    await t?.close();
    assert.deepEqual(survivors([...pids]), [], "processes left behind");
  });

  async function changeVersion(): Promise<Json> {
    return user.task(await user.post(`/v1/services/${clusterId}/change_version`, { newImageId }), 300_000);
  }

  it("fails the upgrade when a budget allows no disruption, naming it; every node stays schedulable", async function () {
    await budget(api, 0);
    const task = await changeVersion();
    assert.equal(task["state"], "ERROR");
    const failed = (task["steps"] as Json[]).find((s) => s["state"] === "ERROR");
    const error = (failed?.["errors"] as Json[] | undefined)?.[0];
    assert.equal(error?.["code"], "DrainTimeout", JSON.stringify(failed));
    const message = String(error?.["message"]);
    assert.match(
      message,
      /evictions refused by PodDisruptionBudget default\/web\); pods left: default\/web-/,
    );
    assert.match(String((error?.["data"] as Json)["podDisruptionBudgets"]), /^default\/web$/);
    console.log(`      step error: ${message}`);
    const cordoned = (await api.core.listNode()).items.filter((n) => n.spec?.unschedulable);
    assert.deepEqual(
      cordoned.map((n) => n.metadata?.name),
      [],
    );
    assert.equal((await user.get(`/v1/services/${clusterId}`)).body["state"], "RECOVERABLE_ERROR");
    const pods = await api.core.listNamespacedPod({ namespace: "default", labelSelector: `app=${APP}` });
    assert.equal(readyReplicas(pods.items), 3);
  });

  it("rolls within a budget of maxUnavailable 1: never below 2 ready replicas, ends at the new version", async function () {
    await budget(api, 1);
    const sampling = sampler(api);
    const task = await changeVersion();
    const samples = await sampling.stop();
    assert.equal(task["state"], "COMPLETED", JSON.stringify(task["steps"]));
    const min = Math.min(...samples);
    console.log(`      availability samples: ${samples.length}, min ready replicas ${min} of 3`);
    assert.ok(samples.length > 10, `only ${samples.length} samples`);
    assert.ok(min >= 2, `ready replicas fell to ${min}`);
    const cluster = (await user.get(`/v1/services/${clusterId}`)).body;
    const status = cluster["upgradeStatus"] as Json;
    assert.equal(cluster["state"], "READY");
    assert.equal(status["totalNodes"], 4);
    assert.equal(status["numNodesUpgraded"], 4);
    assert.equal(status["upgradeMessage"], "Upgrade completed");
    const upgraded = kubeClients(
      String((await user.get(`/v1/services/${clusterId}/kubeconfig`)).body["kubeconfig"]),
    );
    assert.equal((await upgraded.version.getCode()).gitVersion, `v${newest}`);
    const nodes = (await upgraded.core.listNode()).items;
    assert.deepEqual(
      nodes.map((n) => n.status?.nodeInfo?.kubeletVersion),
      nodes.map(() => `v${newest}`),
    );
    assert.equal(nodes.length, 4);
    assert.ok(nodes.every((n) => !n.spec?.unschedulable));
    await waitFor(
      "3 ready replicas",
      async () => {
        const pods = await upgraded.core.listNamespacedPod({
          namespace: "default",
          labelSelector: `app=${APP}`,
        });
        return readyReplicas(pods.items) === 3 ? true : undefined;
      },
      60_000,
    );
  });
});
