import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { kubeClients, waitFor } from "../../../controller/kube/client";
import { isReady } from "../../../controller/kube/cluster";
import { statusOf } from "../../../controller/kube/errors";
import { KubernetesRuntime } from "../../../controller/kube/runtime";
import type { NodeSpec } from "../../../controller/clusters/runtime";
import { supportedKubernetesVersions } from "../../../toolchain/binaries";
import { survivors } from "../../support/processes";

/** Nodes replaced here carry no budgeted pods: their drain ends at once. */
const DRAIN = { timeoutMs: 30_000 };

function nodes(cluster: string, hosts: readonly string[]): NodeSpec[] {
  return [
    {
      name: `${cluster}-master-0`,
      vmId: `${cluster}-vm-m0`,
      hostId: hosts[0] ?? "h0",
      hostAddress: "10.0.0.1",
      zone: "z1",
      role: "master",
    },
    ...hosts.map((hostId, i): NodeSpec => ({
      name: `${cluster}-worker-${i}`,
      vmId: `${cluster}-vm-w${i}`,
      hostId,
      hostAddress: `10.0.0.${i + 2}`,
      zone: "z1",
      role: "worker",
    })),
  ];
}

describe("Kubernetes runtime: a real control plane per cluster on one etcd", function () {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-runtime-"));
  let runtime: KubernetesRuntime;
  const allPids: number[] = [];

  before(async function () {
    runtime = new KubernetesRuntime({ dataDir });
    await Promise.all([
      runtime.provision("alpha", "1.36.3", nodes("alpha", ["host-a", "host-b"])),
      runtime.provision("beta", "1.36.3", nodes("beta", ["host-b", "host-c"])),
    ]);
    allPids.push(...(await runtime.pids()));
  });

  after(async function () {
    await runtime?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function api(cluster: string): Promise<ReturnType<typeof kubeClients>> {
    const kubeconfig = await runtime.kubeconfig(cluster);
    assert.ok(kubeconfig, `no kubeconfig for ${cluster}`);
    return kubeClients(kubeconfig);
  }

  it("serves a Deployment on the cluster's worker nodes", async function () {
    const { apps, core } = await api("alpha");
    await apps.createNamespacedDeployment({
      namespace: "default",
      body: {
        metadata: { name: "web" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { labels: { app: "web" } },
            spec: { containers: [{ name: "web", image: "nginx" }] },
          },
        },
      },
    });
    const running = await waitFor(
      "2 running pods",
      async () => {
        const pods = await core.listNamespacedPod({ namespace: "default", labelSelector: "app=web" });
        const up = pods.items.filter((p) => p.status?.phase === "Running");
        return up.length === 2 ? up : undefined;
      },
      60_000,
    );
    for (const pod of running) assert.match(pod.spec?.nodeName ?? "", /^alpha-worker-\d$/);
  });

  it("lets a PodDisruptionBudget block an eviction", async function () {
    const { policy, core } = await api("alpha");
    await policy.createNamespacedPodDisruptionBudget({
      namespace: "default",
      body: {
        metadata: { name: "web" },
        spec: { minAvailable: 2, selector: { matchLabels: { app: "web" } } },
      },
    });
    await waitFor(
      "the budget to count 2 healthy pods",
      async () => {
        const pdb = await policy.readNamespacedPodDisruptionBudget({ name: "web", namespace: "default" });
        return pdb.status?.currentHealthy === 2 && pdb.status.disruptionsAllowed === 0 ? true : undefined;
      },
      30_000,
    );
    const [pod] = (await core.listNamespacedPod({ namespace: "default", labelSelector: "app=web" })).items;
    const name = pod?.metadata?.name ?? "";
    await assert.rejects(
      core.createNamespacedPodEviction({
        name,
        namespace: "default",
        body: { metadata: { name, namespace: "default" } },
      }),
      (error: unknown) => statusOf(error) === 429,
    );
    await policy.deleteNamespacedPodDisruptionBudget({ name: "web", namespace: "default" });
  });

  it("keeps clusters apart: one cannot see the other's objects", async function () {
    const alpha = await api("alpha");
    const beta = await api("beta");
    await alpha.core.createNamespacedConfigMap({
      namespace: "default",
      body: { metadata: { name: "only-alpha" } },
    });
    const betaMaps = (await beta.core.listNamespacedConfigMap({ namespace: "default" })).items.map(
      (c) => c.metadata?.name,
    );
    assert.ok(!betaMaps.includes("only-alpha"));
    const betaNodes = (await beta.core.listNode()).items.map((n) => n.metadata?.name).sort();
    assert.deepEqual(betaNodes, ["beta-master-0", "beta-worker-0", "beta-worker-1"]);
    const alphaKubeconfig = await runtime.kubeconfig("alpha");
    const betaKubeconfig = await runtime.kubeconfig("beta");
    assert.notEqual(
      /certificate-authority-data: (\S+)/.exec(alphaKubeconfig ?? "")?.[1],
      /certificate-authority-data: (\S+)/.exec(betaKubeconfig ?? "")?.[1],
    );
  });

  it("turns the nodes of a failed host NotReady, in every cluster, and back", async function () {
    await runtime.setHostHealth("host-b", false);
    const alphaStates = await runtime.nodeStates("alpha");
    const betaStates = await runtime.nodeStates("beta");
    assert.equal(alphaStates.get("alpha-worker-1")?.ready, false);
    assert.equal(alphaStates.get("alpha-worker-0")?.ready, true);
    assert.equal(betaStates.get("beta-worker-0")?.ready, false);
    await runtime.setHostHealth("host-b", true);
    await waitFor(
      "host-b nodes Ready again",
      async () => {
        const states = await runtime.nodeStates("alpha");
        return states.get("alpha-worker-1")?.ready ? true : undefined;
      },
      30_000,
    );
  });

  it("adds, replaces and removes nodes", async function () {
    const [extra] = nodes("alpha", ["host-c"]).slice(1);
    assert.ok(extra);
    const added = { ...extra, name: "alpha-worker-9", vmId: "alpha-vm-w9" };
    await runtime.addNodes("alpha", [added]);
    await runtime.upgradeNode(
      "alpha",
      "alpha-worker-9",
      { ...added, name: "alpha-worker-10", vmId: "alpha-vm-w10" },
      "1.36.3",
      DRAIN,
    );
    let states = await runtime.nodeStates("alpha");
    assert.equal(states.has("alpha-worker-9"), false);
    assert.equal(states.get("alpha-worker-10")?.ready, true);
    await runtime.removeNodes("alpha", ["alpha-worker-10", "no-such-node"]);
    states = await runtime.nodeStates("alpha");
    assert.equal(states.has("alpha-worker-10"), false);
  });

  it("changes a cluster's version: new nodes run it, the API server reports it once every node does", async function () {
    const [previous, newest] = [
      supportedKubernetesVersions()[1] ?? "",
      supportedKubernetesVersions()[0] ?? "",
    ];
    await runtime.provision("gamma", previous, nodes("gamma", ["host-a"]));
    const gamma = await api("gamma");
    assert.equal((await gamma.version.getCode()).gitVersion, `v${previous}`);
    const [master, worker] = nodes("gamma", ["host-a"]);
    assert.ok(master && worker);
    await runtime.upgradeNode("gamma", worker.name, { ...worker, name: "gamma-worker-new" }, newest, DRAIN);
    assert.equal((await gamma.version.getCode()).gitVersion, `v${previous}`);
    await runtime.upgradeNode("gamma", master.name, { ...master, name: "gamma-master-new" }, newest, DRAIN);
    const upgraded = await api("gamma");
    assert.equal((await upgraded.version.getCode()).gitVersion, `v${newest}`);
    const kubelets = (await upgraded.core.listNode()).items.map((n) => n.status?.nodeInfo?.kubeletVersion);
    assert.deepEqual(kubelets, [`v${newest}`, `v${newest}`]);
    await runtime.destroy("gamma");
  });

  it("comes back with its data after a restart", async function () {
    await runtime.close();
    assert.deepEqual(survivors(allPids), []);
    runtime = new KubernetesRuntime({ dataDir });
    await runtime.restore([
      { clusterId: "alpha", version: "1.36.3", nodes: nodes("alpha", ["host-a", "host-b"]) },
    ]);
    const { core } = await api("alpha");
    const map = await core.readNamespacedConfigMap({ name: "only-alpha", namespace: "default" });
    assert.equal(map.metadata?.name, "only-alpha");
    const ready = (await core.listNode()).items.filter(isReady).map((n) => n.metadata?.name);
    assert.equal(ready.length, 3);
  });

  it("destroys a cluster: processes stopped, etcd prefix empty, folder gone", async function () {
    const pids = await runtime.pids();
    assert.ok((await runtime.etcdKeysOf("alpha")) > 0);
    await runtime.destroy("alpha");
    assert.equal(await runtime.etcdKeysOf("alpha"), 0);
    assert.equal(await runtime.kubeconfig("alpha"), undefined);
    assert.equal(fs.existsSync(path.join(dataDir, "clusters", "alpha")), false);
    const etcdPid = pids[pids.length - 1];
    assert.deepEqual(survivors(pids.filter((p) => p !== etcdPid)), []);
    await runtime.close();
    assert.deepEqual(survivors(pids), []);
  });
});
