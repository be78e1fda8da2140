import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { kubeClients } from "../../../controller/kube/client";
import { ControlPlane } from "../../../controller/kube/controlPlane";
import { Etcd } from "../../../controller/kube/etcd";
import { kubernetesBinaries } from "../../../toolchain/binaries";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";

describe("foundation: @pulumi/kubernetes drives a real control plane without downloading its plugin", function () {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-k8s-plugin-"));
  let etcd: Etcd;
  let plane: ControlPlane;
  let stack: LocalStack;

  before(async function () {
    const binaries = kubernetesBinaries();
    etcd = await Etcd.start(binaries.etcd, path.join(dir, "etcd"));
    plane = await ControlPlane.start({
      name: "plugin-test",
      dir: path.join(dir, "cluster"),
      etcdUrl: etcd.url,
      etcdPrefix: "/clusters/plugin-test",
      binaries,
    });
    stack = await LocalStack.create(path.join(packageRoot(), "examples", "kubernetes-smoke"), "foundation");
    await stack.setConfig("kubeconfig", plane.kubeconfig(), true);
  });

  after(async function () {
    await stack?.dispose();
    await plane?.stop();
    await etcd?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates a Namespace and a ConfigMap", async function () {
    const up = await stack.up();
    assert.doesNotMatch(up.stdout + up.stderr, /download/i);
    const { core } = kubeClients(plane.kubeconfig());
    const configMap = await core.readNamespacedConfigMap({ name: "settings", namespace: "photon-smoke" });
    assert.deepEqual(configMap.data, { greeting: "hello" });
  });

  it("keeps the kubeconfig secret in state", async function () {
    const state = await stack.exportState();
    const adminKey = /client-key-data: (\S+)/.exec(plane.kubeconfig())?.[1];
    assert.ok(adminKey);
    assert.ok(!state.includes(adminKey), "the client key appears in plain text in the state");
  });

  it("destroys both objects", async function () {
    await stack.destroy();
    const { core } = kubeClients(plane.kubeconfig());
    const names = (await core.listNamespacedConfigMap({ namespace: "photon-smoke" })).items.map(
      (c) => c.metadata?.name,
    );
    assert.ok(!names.includes("settings"));
    const namespace = await core.readNamespace({ name: "photon-smoke" }).catch(() => undefined);
    assert.ok(namespace === undefined || namespace.status?.phase === "Terminating");
  });
});
