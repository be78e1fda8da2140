import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PatchStrategy, setHeaderOptions, type V1Deployment } from "@kubernetes/client-node";
import { type KubeClients, kubeClients, waitFor } from "../../../controller/kube/client";
import { isReady } from "../../../controller/kube/cluster";
import { LABEL_PHOTON_HOST } from "../../../controller/kube/nodes";
import { KubernetesRuntime } from "../../../controller/kube/runtime";
import {
  addHost,
  type Answer,
  type Api,
  items,
  type Json,
  start,
  tempDir,
  tenantWithUser,
  type TestController,
} from "../../controller/helpers";
import { kubectlBinary, supportedKubernetesVersions } from "../../../toolchain/binaries";
import { survivors } from "../../support/processes";

function deployment(name: string, replicas: number): V1Deployment {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: "nginx" }] } },
    },
  };
}

/** Runs a write and waits (up to `ms`) for its task to complete; answers the entity id. */
async function doneWithin(api: Api, answer: Promise<Answer>, ms: number): Promise<string> {
  const task = await api.task(await answer, ms);
  assert.equal(task["state"], "COMPLETED", JSON.stringify(task["steps"]));
  return String((task["entity"] as Json)["id"]);
}

/** Waits until `replicas` pods of the Deployment run on Ready nodes that exist, and it reports them available. */
async function servedByReadyNodes(
  api: KubeClients,
  name: string,
  replicas: number,
  timeoutMs = 120_000,
): Promise<void> {
  await waitFor(
    `${name} served by ${replicas} pods on Ready nodes`,
    async () => {
      const ready = new Set((await api.core.listNode()).items.filter(isReady).map((n) => n.metadata?.name));
      const pods = (await api.core.listNamespacedPod({ namespace: "default", labelSelector: `app=${name}` }))
        .items;
      const serving = pods.filter(
        (p) => p.status?.phase === "Running" && !p.metadata?.deletionTimestamp && ready.has(p.spec?.nodeName),
      );
      return serving.length === replicas ? true : undefined;
    },
    timeoutMs,
  );
  await available(api, name, replicas, timeoutMs);
}

async function available(
  api: KubeClients,
  name: string,
  replicas: number,
  timeoutMs = 90_000,
): Promise<void> {
  await waitFor(
    `${name} has ${replicas} available replicas`,
    async () => {
      const d = await api.apps.readNamespacedDeployment({ name, namespace: "default" });
      return d.status?.availableReplicas === replicas ? true : undefined;
    },
    timeoutMs,
  );
}

describe("clusters through the API are real Kubernetes clusters", function () {
  let t: TestController;
  let runtime: KubernetesRuntime;
  let user: Api;
  let projectId: string;
  const hosts: string[] = [];
  const pids = new Set<number>();

  before(async function () {
    const dataDir = tempDir();
    runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
    t = await start({ dataDir, clusterRuntime: runtime, faults: {} });
    for (const n of [1, 2, 3, 4])
      hosts.push(await addHost(t, `10.9.0.${n}`, { cpuCount: "32", memoryMb: "65536" }));
    ({ user, projectId } = await tenantWithUser(t, "kube"));
  });

  after(async function () {
    for (const pid of await runtime.pids()) pids.add(pid);
    await t?.close();
    assert.deepEqual(survivors([...pids]), [], "processes left behind");
  });

  async function createCluster(name: string, workerCount: number): Promise<{ id: string; api: KubeClients }> {
    const id = await doneWithin(
      user,
      user.post(`/v1/projects/${projectId}/services`, { type: "KUBERNETES", name, workerCount }),
      180_000,
    );
    const answer = await user.get(`/v1/services/${id}/kubeconfig`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    for (const pid of await runtime.pids()) pids.add(pid);
    return { id, api: kubeClients(String(answer.body["kubeconfig"])) };
  }

  async function workerVms(id: string): Promise<Json[]> {
    return items(await user.get(`/v1/services/${id}/vms`)).filter((vm) => vm["role"] === "KubernetesWorker");
  }

  it("serves a Deployment on nodes named after its VMs and labelled with their hosts", async function () {
    const { id, api } = await createCluster("web", 3);
    const nodes = (await api.core.listNode()).items;
    const vms = items(await user.get(`/v1/services/${id}/vms`)).filter(
      (vm) => vm["role"] !== "KubernetesEtcd",
    );
    assert.deepEqual(nodes.map((n) => n.metadata?.name).sort(), vms.map((vm) => String(vm["name"])).sort());
    for (const node of nodes) {
      const vm = vms.find((v) => v["name"] === node.metadata?.name);
      assert.equal(node.metadata?.labels?.[LABEL_PHOTON_HOST], vm?.["hostId"]);
      assert.ok(isReady(node));
    }
    await api.apps.createNamespacedDeployment({ namespace: "default", body: deployment("web", 3) });
    await available(api, "web", 3);
  });

  it("hands out a kubeconfig that kubectl uses as it is", async function () {
    const web = items(await user.get(`/v1/projects/${projectId}/services?name=web`))[0];
    const answer = await user.get(`/v1/services/${String(web?.["id"])}/kubeconfig`);
    const file = path.join(tempDir(), "kubeconfig");
    fs.writeFileSync(file, String(answer.body["kubeconfig"]), { mode: 0o600 });
    const nodes = execFileSync(kubectlBinary(), ["--kubeconfig", file, "get", "nodes", "-o", "name"], {
      encoding: "utf8",
    });
    const vms = items(await user.get(`/v1/services/${String(web?.["id"])}/vms`)).filter(
      (vm) => vm["role"] !== "KubernetesEtcd",
    );
    assert.deepEqual(nodes.trim().split("\n").sort(), vms.map((vm) => `node/${String(vm["name"])}`).sort());
    const deployments = execFileSync(
      kubectlBinary(),
      ["--kubeconfig", file, "get", "deployment", "web", "-o", "jsonpath={.status.availableReplicas}"],
      { encoding: "utf8" },
    );
    assert.equal(deployments, "3");
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("replaces the nodes of a failed host elsewhere, and the Deployment stays available", async function () {
    const cluster = items(await user.get(`/v1/projects/${projectId}/services?name=web`))[0];
    const id = String(cluster?.["id"]);
    const api = kubeClients(String((await user.get(`/v1/services/${id}/kubeconfig`)).body["kubeconfig"]));
    const pods = (await api.core.listNamespacedPod({ namespace: "default", labelSelector: "app=web" })).items;
    const victim = (await workerVms(id)).find((vm) => pods.some((p) => p.spec?.nodeName === vm["name"]));
    assert.ok(victim, `no worker runs a web pod: ${pods.map((p) => p.spec?.nodeName).join(", ")}`);
    const failedHost = String(victim?.["hostId"]);
    await t.admin.done(t.admin.post(`/v1/infrastructure/hosts/${failedHost}/fail`));
    const node = await api.core.readNode({ name: String(victim?.["name"]) });
    assert.equal(isReady(node), false, "the node of the failed host is not Ready");
    await doneWithin(user, user.post(`/v1/services/${id}/trigger_maintenance`), 180_000);
    const workers = await workerVms(id);
    assert.equal(workers.length, 3);
    assert.ok(
      workers.every((vm) => vm["hostId"] !== failedHost),
      "no worker left on the failed host",
    );
    const names = (await api.core.listNode()).items.filter(isReady).map((n) => n.metadata?.name);
    for (const vm of workers)
      assert.ok(names.includes(String(vm["name"])), `${String(vm["name"])} is a Ready node`);
    assert.equal((await user.get(`/v1/services/${id}`)).body["state"], "READY");
    await servedByReadyNodes(api, "web", 3);
  });

  it("removes exactly the cordoned node when shrinking", async function () {
    const { id, api } = await createCluster("shrink", 3);
    const workers = await workerVms(id);
    const cordoned = String(workers[1]?.["name"]);
    await api.core.patchNode(
      { name: cordoned, body: { spec: { unschedulable: true } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    await doneWithin(user, user.post(`/v1/services/${id}/resize`, { newWorkerCount: 2 }), 120_000);
    const left = (await workerVms(id)).map((vm) => String(vm["name"]));
    assert.deepEqual(
      left.sort(),
      workers
        .map((vm) => String(vm["name"]))
        .filter((n) => n !== cordoned)
        .sort(),
    );
    const nodeNames = (await api.core.listNode()).items.map((n) => n.metadata?.name);
    assert.ok(!nodeNames.includes(cordoned));
    await doneWithin(user, user.post(`/v1/services/${id}/resize`, { newWorkerCount: 4 }), 120_000);
    const grown = (await api.core.listNode()).items.filter(
      (n) => isReady(n) && n.metadata?.labels?.["node-role.kubernetes.io/worker"] !== undefined,
    );
    assert.equal(grown.length, 4);
  });

  it("keeps two clusters apart", async function () {
    const web = items(await user.get(`/v1/projects/${projectId}/services?name=web`))[0];
    const shrink = items(await user.get(`/v1/projects/${projectId}/services?name=shrink`))[0];
    const kubeconfigOf = async (c: Json | undefined) =>
      String((await user.get(`/v1/services/${String(c?.["id"])}/kubeconfig`)).body["kubeconfig"]);
    const a = kubeClients(await kubeconfigOf(web));
    const b = kubeClients(await kubeconfigOf(shrink));
    const inB = (await b.apps.listNamespacedDeployment({ namespace: "default" })).items.map(
      (d) => d.metadata?.name,
    );
    assert.ok(!inB.includes("web"));
    const aNodes = new Set((await a.core.listNode()).items.map((n) => n.metadata?.name));
    assert.ok((await b.core.listNode()).items.every((n) => !aNodes.has(n.metadata?.name)));
  });

  it("changes version node by node; the API server reports the new version at the end", async function () {
    const images = items(await user.get("/v1/images"));
    const imageOf = (version: string) =>
      String(images.find((i) => i["name"] === `kubernetes-${version.replace(/\./g, "-")}`)?.["id"]);
    const [newest, previous] = supportedKubernetesVersions();
    assert.ok(newest && previous);
    const id = await doneWithin(
      user,
      user.post(`/v1/projects/${projectId}/services`, {
        type: "KUBERNETES",
        name: "roll",
        workerCount: 2,
        imageId: imageOf(previous),
      }),
      180_000,
    );
    const api = kubeClients(String((await user.get(`/v1/services/${id}/kubeconfig`)).body["kubeconfig"]));
    assert.equal((await api.version.getCode()).gitVersion, `v${previous}`);
    await doneWithin(
      user,
      user.post(`/v1/services/${id}/change_version`, { newImageId: imageOf(newest) }),
      180_000,
    );
    const cluster = (await user.get(`/v1/services/${id}`)).body;
    const status = cluster["upgradeStatus"] as Json;
    assert.equal(cluster["state"], "READY");
    assert.equal(status["numNodesUpgraded"], status["totalNodes"]);
    assert.equal(status["totalNodes"], 3);
    const upgraded = kubeClients(
      String((await user.get(`/v1/services/${id}/kubeconfig`)).body["kubeconfig"]),
    );
    assert.equal((await upgraded.version.getCode()).gitVersion, `v${newest}`);
    const kubelets = (await upgraded.core.listNode()).items.map((n) => n.status?.nodeInfo?.kubeletVersion);
    assert.deepEqual(kubelets, [`v${newest}`, `v${newest}`, `v${newest}`]);
    await doneWithin(user, user.del(`/v1/services/${id}`), 120_000);
  });

  it("deletes a cluster: its API is gone and its etcd prefix is empty", async function () {
    const shrink = items(await user.get(`/v1/projects/${projectId}/services?name=shrink`))[0];
    const id = String(shrink?.["id"]);
    await doneWithin(user, user.del(`/v1/services/${id}`), 120_000);
    assert.equal(await runtime.kubeconfig(id), undefined);
    assert.equal(await runtime.etcdKeysOf(id), 0);
  });
});
