import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { waitFor } from "../../../controller/kube/client";
import { KubernetesRuntime } from "../../../controller/kube/runtime";
import { type Api, type Json, start, tempDir, type TestController } from "../../controller/helpers";
import { exited, launch, type Launched } from "../../support/controllerProcess";
import { survivors } from "../../support/processes";
import {
  claim,
  claimEvents,
  claimPhases,
  disksOf,
  doneWithin,
  median,
  poolUsedGb,
  statefulSet,
  volumeKube,
  type VolumeKube,
  waitBound,
} from "./volumeKit";

/** Pids recorded by the Kubernetes runtime's pid files under `dir`. */
function recordedPids(dir: string): number[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".pid"))
    .map((e) => Number(fs.readFileSync(path.join(e.parentPath, e.name), "utf8")));
}

/*
 * Persistent volumes from the vSAN pools on real control planes: the controller's provisioner makes a
 * Photon disk and a bound PersistentVolume for every claim of the pool's StorageClass.
 */

const mergePatch = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
/** Pool capacity: room for the cluster's VM disks and the claims below, but not for OVERSIZED. */
const POOL_GB = 200;
const DISK_QUOTA_GB = 40;

interface World {
  readonly poolId: string;
  readonly projectId: string;
  readonly clusterId: string;
  readonly kube: VolumeKube;
}

/** Three hosts, the pool "vsan" on them (one failure tolerated), a project and a cluster using the pool. */
async function world(admin: Api, prefix: string): Promise<World> {
  for (const n of [1, 2, 3])
    await admin.done(
      admin.post("/v1/infrastructure/hosts", {
        address: `10.${prefix}.0.${n}`,
        username: "root",
        password: "pw",
        usageTags: ["CLOUD"],
        metadata: { cpuCount: "32", memoryMb: "65536", datastoreGb: "2048" },
      }),
    );
  const hostIds = (await admin.get("/v1/infrastructure/hosts")).body["items"] as Json[];
  const poolId = await admin.done(
    admin.post("/v1/infrastructure/storage-pools", {
      name: "vsan",
      hostIds: hostIds.map((h) => h["id"]),
      capacityGb: POOL_GB,
      failuresToTolerate: 1,
    }),
  );
  const tenantId = await admin.done(admin.post("/v1/tenants", { name: `t${prefix}` }));
  const projectId = await admin.done(
    admin.post(`/v1/tenants/${tenantId}/projects`, {
      name: `p${prefix}`,
      quota: { quotaItems: { "persistent-disk.capacity": { limit: DISK_QUOTA_GB, unit: "GB" } } },
    }),
  );
  const clusterId = await doneWithin(
    admin,
    admin.post(`/v1/projects/${projectId}/services`, {
      type: "KUBERNETES",
      name: "data",
      workerCount: 2,
      storagePoolId: poolId,
    }),
    300_000,
  );
  const kubeconfig = String((await admin.get(`/v1/services/${clusterId}/kubeconfig`)).body["kubeconfig"]);
  return { poolId, projectId, clusterId, kube: volumeKube(kubeconfig) };
}

async function diskCount(admin: Api, projectId: string, count: number): Promise<void> {
  await waitFor(
    `${count} disks in the project`,
    async () => ((await disksOf(admin, projectId)).length === count ? true : undefined),
    120_000,
  );
}

describe("persistent volumes from the vSAN pool (real control plane, in-process controller)", function () {
  this.timeout(900_000);
  let t: TestController;
  let runtime: KubernetesRuntime;
  let w: World;
  const pids = new Set<number>();

  before(async function () {
    const dataDir = tempDir();
    runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
    t = await start({ dataDir, clusterRuntime: runtime, taskStepDelayMs: 0 });
    w = await world(t.admin, "41");
    for (const pid of await runtime.pids()) pids.add(pid);
  });

  after(async function () {
    for (const pid of (await runtime?.pids()) ?? []) pids.add(pid);
    await t?.close();
    fs.rmSync(t?.dataDir ?? "", { recursive: true, force: true });
    assert.deepEqual(survivors([...pids]), [], "processes left behind");
  });

  it("gives the cluster its pool's StorageClass, default, with the pool's failures to tolerate", async function () {
    const sc = await waitFor(
      "the StorageClass",
      () => w.kube.storage.readStorageClass({ name: "vsan-vsan" }),
      60_000,
    );
    assert.equal(sc.provisioner, "photon.vmware.com/vsan");
    assert.equal(sc.metadata?.annotations?.["storageclass.kubernetes.io/is-default-class"], "true");
    assert.deepEqual(sc.parameters, { storagePool: "vsan", failuresToTolerate: "1" });
    assert.deepEqual(
      [sc.reclaimPolicy, sc.allowVolumeExpansion, sc.volumeBindingMode],
      ["Delete", true, "Immediate"],
    );
  });

  it("a StatefulSet of 3 with a volumeClaimTemplate: every claim Bound, 3 disks, pool usage up by 6 GB", async function () {
    const usedBefore = await poolUsedGb(t.admin, w.poolId);
    await w.kube.apps.createNamespacedStatefulSet({
      namespace: "default",
      body: statefulSet("db", 3, "2Gi"),
    });
    const names = ["data-db-0", "data-db-1", "data-db-2"];
    await waitBound(w.kube.core, names, 180_000);
    const disks = await disksOf(t.admin, w.projectId);
    assert.equal(disks.length, 3);
    assert.deepEqual(
      disks.map((d) => [d["capacityGb"], d["state"]]),
      [
        [2, "DETACHED"],
        [2, "DETACHED"],
        [2, "DETACHED"],
      ],
    );
    assert.equal(await poolUsedGb(t.admin, w.poolId), usedBefore + 6);
    for (const name of names) {
      const c = await w.kube.core.readNamespacedPersistentVolumeClaim({ name, namespace: "default" });
      assert.equal(
        c.metadata?.annotations?.["volume.kubernetes.io/storage-provisioner"],
        "photon.vmware.com/vsan",
      );
      assert.equal(c.spec?.storageClassName, "vsan-vsan");
      const pv = await w.kube.core.readPersistentVolume({ name: c.spec?.volumeName ?? "" });
      assert.equal(pv.spec?.claimRef?.uid, c.metadata?.uid);
      assert.ok(
        disks.some((d) => d["id"] === pv.spec?.csi?.volumeHandle),
        "the volume records its disk id",
      );
      assert.equal(pv.metadata?.annotations?.["pv.kubernetes.io/provisioned-by"], "photon.vmware.com/vsan");
      const events = await claimEvents(w.kube.core, name);
      assert.ok(
        events.some((e) => e.startsWith("ProvisioningSucceeded: Successfully provisioned volume pvc-")),
        events.join("\n"),
      );
    }
    await waitFor(
      "3 db pods Running on kwok nodes",
      async () => {
        const pods = await w.kube.core.listNamespacedPod({ namespace: "default", labelSelector: "app=db" });
        return pods.items.filter((p) => p.status?.phase === "Running" && p.spec?.nodeName).length === 3
          ? true
          : undefined;
      },
      120_000,
    );
  });

  it("a deleted claim's disk goes (reclaim Delete), and its volume", async function () {
    await w.kube.core.createNamespacedPersistentVolumeClaim({
      namespace: "default",
      body: claim("scratch", "1Gi"),
    });
    await waitBound(w.kube.core, ["scratch"]);
    await diskCount(t.admin, w.projectId, 4);
    const bound = await w.kube.core.readNamespacedPersistentVolumeClaim({
      name: "scratch",
      namespace: "default",
    });
    await w.kube.core.deleteNamespacedPersistentVolumeClaim({ name: "scratch", namespace: "default" });
    await diskCount(t.admin, w.projectId, 3);
    await waitFor(
      "the volume deleted",
      async () => {
        const pvs = (await w.kube.core.listPersistentVolume()).items.map((v) => v.metadata?.name);
        return pvs.includes(bound.spec?.volumeName) ? undefined : true;
      },
      60_000,
    );
  });

  it("a claim over the pool's room or the project's quota: an event naming what is left and asked, no disk", async function () {
    const left = POOL_GB - (await poolUsedGb(t.admin, w.poolId));
    await w.kube.core.createNamespacedPersistentVolumeClaim({
      namespace: "default",
      body: claim("huge", "500Gi"),
    });
    await w.kube.core.createNamespacedPersistentVolumeClaim({
      namespace: "default",
      body: claim("greedy", "40Gi"),
    });
    const failure = (name: string) =>
      waitFor(
        `a ProvisioningFailed event on ${name}`,
        async () => (await claimEvents(w.kube.core, name)).find((e) => e.startsWith("ProvisioningFailed")),
        60_000,
      );
    assert.equal(
      await failure("huge"),
      `ProvisioningFailed: failed to provision volume with StorageClass "vsan-vsan": NotEnoughDatastoreCapacity: storage pool vsan has ${left} GB left, 500 GB asked`,
    );
    assert.equal(
      await failure("greedy"),
      `ProvisioningFailed: failed to provision volume with StorageClass "vsan-vsan": QuotaError: Not enough quota for persistent-disk.capacity: limit ${DISK_QUOTA_GB} GB, desired usage 46 GB (project ${w.projectId})`,
    );
    assert.deepEqual(
      [...(await claimPhases(w.kube.core, ["huge", "greedy"])).values()],
      ["Pending", "Pending"],
    );
    assert.equal((await disksOf(t.admin, w.projectId)).length, 3, "nothing half-made stays behind");
    for (const name of ["huge", "greedy"])
      await w.kube.core.deleteNamespacedPersistentVolumeClaim({ name, namespace: "default" });
  });

  it("expanding a claim grows its disk, its volume and the claim's capacity", async function () {
    const usedBefore = await poolUsedGb(t.admin, w.poolId);
    const body = { spec: { resources: { requests: { storage: "5Gi" } } } };
    await w.kube.core.patchNamespacedPersistentVolumeClaim(
      { name: "data-db-0", namespace: "default", body },
      mergePatch,
    );
    const grown = await waitFor(
      "the claim's capacity 5Gi",
      async () => {
        const c = await w.kube.core.readNamespacedPersistentVolumeClaim({
          name: "data-db-0",
          namespace: "default",
        });
        return c.status?.capacity?.["storage"] === "5Gi" ? c : undefined;
      },
      60_000,
    );
    const pv = await w.kube.core.readPersistentVolume({ name: grown.spec?.volumeName ?? "" });
    assert.equal(pv.spec?.capacity?.["storage"], "5Gi");
    const disk = (await t.admin.get(`/v1/disks/${pv.spec?.csi?.volumeHandle ?? ""}`)).body;
    assert.equal(disk["capacityGb"], 5);
    assert.equal(await poolUsedGb(t.admin, w.poolId), usedBefore + 3);
    const events = await claimEvents(w.kube.core, "data-db-0");
    assert.ok(
      events.includes(`VolumeResizeSuccessful: resize volume ${pv.metadata?.name ?? ""} to 5Gi succeeded`),
      events.join("\n"),
    );
  });

  it("shrinking the pool below what it holds is refused, naming the pool, what it holds and what was asked", async function () {
    const used = await poolUsedGb(t.admin, w.poolId);
    const answer = await t.admin.post(`/v1/infrastructure/storage-pools/${w.poolId}/resize`, {
      capacityGb: used - 1,
    });
    assert.equal(answer.status, 400);
    assert.equal(
      answer.body["message"],
      `capacityGb must not be below what storage pool vsan holds, ${used} GB (was ${used - 1})`,
    );
  });

  it("time from a claim's creation to Bound over 20 claims", async function () {
    const names = Array.from({ length: 20 }, (_, i) => `timed-${i}`);
    const created = new Map<string, number>();
    const bound = new Map<string, number>();
    const made = new Map<string, number>();
    await Promise.all(
      names.map(async (name) => {
        created.set(name, Date.now());
        await w.kube.core.createNamespacedPersistentVolumeClaim({
          namespace: "default",
          body: claim(name, "1Gi"),
        });
      }),
    );
    await waitFor(
      "20 timed claims Bound",
      async () => {
        for (const pv of (await w.kube.core.listPersistentVolume()).items) {
          const name = pv.spec?.claimRef?.name ?? "";
          if (!made.has(name)) made.set(name, Date.now());
        }
        for (const [name, phase] of await claimPhases(w.kube.core, names))
          if (phase === "Bound" && !bound.has(name)) bound.set(name, Date.now());
        return bound.size === names.length ? true : undefined;
      },
      180_000,
      50,
    );
    const since = (at: Map<string, number>) =>
      names.map((n) => ((at.get(n) ?? 0) - (created.get(n) ?? 0)) / 1000);
    const figures = (values: number[]) =>
      `median ${median(values).toFixed(2)} s, max ${Math.max(...values).toFixed(2)} s`;
    // Volume made: the provisioner's share; Bound: that plus kube-controller-manager's PV controller.
    console.log(`      claim creation to volume made over ${names.length} claims: ${figures(since(made))}`);
    console.log(`      claim creation to Bound over ${names.length} claims: ${figures(since(bound))}`);
    await Promise.all(
      names.map((name) => w.kube.core.deleteNamespacedPersistentVolumeClaim({ name, namespace: "default" })),
    );
    await diskCount(t.admin, w.projectId, 3);
  });

  it("set_settings defaultStorageClass false turns the class's is-default-class annotation off", async function () {
    const path = `/v1/services/${w.clusterId}/set_settings`;
    await doneWithin(t.admin, t.admin.post(path, { defaultStorageClass: false }), 30_000);
    const annotation = async () =>
      (await w.kube.storage.readStorageClass({ name: "vsan-vsan" })).metadata?.annotations?.[
        "storageclass.kubernetes.io/is-default-class"
      ];
    await waitFor(
      "the class no longer default",
      async () => ((await annotation()) === "false" ? true : undefined),
      30_000,
    );
  });

  it("deleting the cluster deletes its volumes' disks and gives the pool its room back", async function () {
    await doneWithin(t.admin, t.admin.del(`/v1/services/${w.clusterId}`), 180_000);
    assert.deepEqual(await disksOf(t.admin, w.projectId), []);
    assert.equal(await poolUsedGb(t.admin, w.poolId), 0);
  });
});

describe("the volume provisioner across a kill -9 of the controller (CLI child process)", function () {
  this.timeout(900_000);
  const dataDir = tempDir();
  let running: Launched | undefined;

  after(async function () {
    running?.proc.kill("SIGTERM");
    if (running) await exited(running.proc);
    // A failed run may leave the killed controller's components: each runs in its own process group.
    for (const pid of survivors(recordedPids(dataDir))) process.kill(-pid, "SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("after a restart every pending claim is Bound with exactly one disk each", async function () {
    running = await launch(dataDir);
    const w = await world(running.admin, "42");
    const names = Array.from({ length: 8 }, (_, i) => `pending-${i}`);
    await Promise.all(
      names.map((name) =>
        w.kube.core.createNamespacedPersistentVolumeClaim({ namespace: "default", body: claim(name, "1Gi") }),
      ),
    );
    // Killed while the provisioner is at work: some claims have a disk, some a volume, some neither.
    const admin = running.admin;
    await waitFor(
      "a first disk",
      async () => ((await disksOf(admin, w.projectId)).length > 0 ? true : undefined),
      60_000,
      20,
    );
    running.proc.kill("SIGKILL");
    await exited(running.proc);
    const phases = [...(await claimPhases(w.kube.core, names)).values()];
    const bound = phases.filter((p) => p === "Bound").length;
    const made = (await w.kube.core.listPersistentVolume()).items.length;
    console.log(`      at the kill: ${bound} of ${names.length} claims Bound, ${made} volumes made`);
    assert.ok(bound < names.length, "the kill came while claims were pending");

    running = await launch(dataDir);
    await waitBound(w.kube.core, names, 180_000);
    const disks = await disksOf(running.admin, w.projectId);
    assert.equal(disks.length, names.length, "exactly one disk per claim");
    const claims = (await w.kube.core.listNamespacedPersistentVolumeClaim({ namespace: "default" })).items;
    const uids = claims.map((c) => `photon:claim-uid=${c.metadata?.uid ?? ""}`).sort();
    const tagged = disks
      .map((d) => (d["tags"] as string[]).find((tag) => tag.startsWith("photon:claim-uid=")))
      .sort();
    assert.deepEqual(tagged, uids);
    await doneWithin(running.admin, running.admin.del(`/v1/services/${w.clusterId}`), 180_000);
    assert.deepEqual(await disksOf(running.admin, w.projectId), []);
  });
});
