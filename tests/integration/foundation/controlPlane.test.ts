import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { kubeClients, waitFor } from "../../../controller/kube/client";
import { ControlPlane } from "../../../controller/kube/controlPlane";
import { Etcd } from "../../../controller/kube/etcd";
import { Kwok } from "../../../controller/kube/kwok";
import { nodeObject } from "../../../controller/kube/nodes";
import { kubernetesBinaries } from "../../../toolchain/binaries";
import { survivors } from "../../support/processes";

describe("foundation: a real Kubernetes control plane with kwok nodes", function () {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-cp-"));
  const binaries = kubernetesBinaries();
  let etcd: Etcd | undefined;
  let plane: ControlPlane | undefined;
  let kwok: Kwok | undefined;
  const pids: number[] = [];

  after(async function () {
    await kwok?.stop();
    await plane?.stop();
    await etcd?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts etcd, kube-apiserver, controller-manager and scheduler on loopback", async function () {
    etcd = await Etcd.start(binaries.etcd, path.join(dir, "etcd"));
    plane = await ControlPlane.start({
      name: "foundation",
      dir: path.join(dir, "cluster"),
      etcdUrl: etcd.url,
      etcdPrefix: "/clusters/foundation",
      binaries,
    });
    assert.match(plane.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await plane.ready(), true);
    const version = await kubeClients(plane.kubeconfig()).core.getAPIResources();
    assert.ok(version.resources.some((r) => r.name === "pods"));
    pids.push(...plane.pids, etcd.pid ?? -1);
  });

  it("keeps two kwok nodes Ready", async function () {
    assert.ok(plane);
    kwok = await Kwok.start(binaries.kwok, binaries.kwokStages, plane.kubeconfigPath, path.join(dir, "kwok"));
    pids.push(kwok.pid ?? -1);
    const { core } = kubeClients(plane.kubeconfig());
    for (const name of ["worker-1", "worker-2"]) {
      await core.createNode({
        body: nodeObject({
          name,
          role: "worker",
          hostId: `host-${name}`,
          vmId: `vm-${name}`,
          zone: "zone-a",
          cpu: 8,
          memoryMb: 16384,
          kubeletVersion: binaries.version,
        }),
      });
    }
    await waitFor(
      "both nodes Ready",
      async () => {
        const nodes = await core.listNode();
        const ready = nodes.items.filter((n) =>
          n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
        );
        return ready.length === 2 ? ready : undefined;
      },
      60_000,
    );
  });

  it("runs a Deployment's pods on those nodes", async function () {
    assert.ok(plane);
    const { apps, core } = kubeClients(plane.kubeconfig());
    await apps.createNamespacedDeployment({
      namespace: "default",
      body: {
        metadata: { name: "web" },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { labels: { app: "web" } },
            spec: { containers: [{ name: "web", image: "nginx:1.27" }] },
          },
        },
      },
    });
    const pods = await waitFor(
      "3 Running pods",
      async () => {
        const list = await core.listNamespacedPod({ namespace: "default", labelSelector: "app=web" });
        const running = list.items.filter((p) => p.status?.phase === "Running");
        return running.length === 3 ? running : undefined;
      },
      90_000,
    );
    for (const pod of pods) assert.match(pod.spec?.nodeName ?? "", /^worker-[12]$/);
    const deployment = await apps.readNamespacedDeployment({ name: "web", namespace: "default" });
    await waitFor(
      "deployment available",
      async () => {
        const d = await apps.readNamespacedDeployment({ name: "web", namespace: "default" });
        return d.status?.availableReplicas === 3 ? d : undefined;
      },
      60_000,
    );
    assert.equal(deployment.metadata?.name, "web");
  });

  it("leaves no process behind once stopped", async function () {
    await kwok?.stop();
    await plane?.stop();
    await etcd?.stop();
    kwok = undefined;
    plane = undefined;
    etcd = undefined;
    assert.ok(pids.length >= 5, `tracked ${pids.length} processes`);
    assert.deepEqual(survivors(pids), []);
  });
});
