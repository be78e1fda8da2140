import { strict as assert } from "assert";
import * as path from "path";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";
import { waitFor } from "../../../controller/kube/client";
import { type KubeController, startKubeController } from "../../support/kubeController";
import { volumeKube } from "../kube/volumeKit";
import { ADMIN_PASSWORD } from "./steps";

/*
 * examples/volumes under the real CLI against a controller with real control planes: a vSAN pool, a
 * cluster on it, and a StatefulSet of 3 with a volumeClaimTemplate made with @pulumi/kubernetes on
 * `cluster.provider`. Up binds every claim to a disk of the pool; destroy leaves nothing on the controller.
 */

describe("integration: persistent volumes from a pool under the real CLI", function () {
  this.timeout(1_800_000);
  let kc: KubeController;
  let stack: LocalStack;

  before(async function () {
    kc = await startKubeController("photon-volumes-cli");
    stack = await LocalStack.create(path.join(packageRoot(), "examples", "volumes"), `vol-${process.pid}`);
    await stack.setConfig("photon:endpoint", kc.ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("esxPassword", "esx-Volume-Secret-31", true);
  });

  after(async function () {
    await stack?.dispose();
    await kc?.close();
  });

  it("up: the StatefulSet's 3 claims Bound, one disk each in the project, the pool's class named", async function () {
    const started = Date.now();
    await stack.up();
    console.log(
      `      up (pool, cluster, StatefulSet of 3): ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await kc.remember();
    const out = await stack.outputs();
    assert.equal(out["storageClassName"], "vsan-vsan");
    const kube = volumeKube(String(out["kubeconfig"]));
    const claims = (await kube.core.listNamespacedPersistentVolumeClaim({ namespace: "default" })).items;
    assert.deepEqual(
      claims.map((c) => [c.metadata?.name, c.status?.phase, c.spec?.storageClassName]).sort(),
      [0, 1, 2].map((i) => [`data-db-${i}`, "Bound", "vsan-vsan"]),
    );
    const disks = await kc.api.list<{ capacityGb: number }>(`/v1/projects/${String(out["projectId"])}/disks`);
    assert.deepEqual(
      disks.map((d) => d.capacityGb),
      [2, 2, 2],
    );
    const pool = await kc.api.http.request<{ usedGb: number }>({
      method: "GET",
      path: `/v1/infrastructure/storage-pools/${String(out["poolId"])}`,
    });
    assert.ok(pool.usedGb >= 6, `pool usage ${pool.usedGb} GB counts the volumes`);
    const preview = await stack.preview(["--json"]);
    const steps = (JSON.parse(preview.stdout) as { steps?: Array<{ op: string; urn: string }> }).steps ?? [];
    assert.deepEqual(
      steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`),
      [],
      "no change after up",
    );
  });

  it("destroy: no disk, cluster, pool, project, tenant or host left on the controller", async function () {
    await stack.destroy();
    const left = async () =>
      (await kc.api.list("/v1/infrastructure/storage-pools")).length +
      (await kc.api.list("/v1/tenants")).length +
      (await kc.api.list<{ state: string }>("/v1/infrastructure/hosts")).filter((h) => h.state !== "DELETED")
        .length;
    assert.equal(
      await waitFor("nothing left", async () => ((await left()) === 0 ? 0 : undefined), 30_000),
      0,
    );
    // Disks are listed per project, and the project is gone: the store itself says none is left.
    assert.deepEqual(kc.ctl.platform.store.list("disk"), []);
  });
});
