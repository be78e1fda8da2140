import * as assert from "assert";
import { Deadline, handlers } from "../../provider";
import type { Props } from "../../provider/resources/props";
import {
  adminClient,
  assertNoDrift,
  checkedInputs,
  controllerPerSuite,
  createAndVerify,
  startTestController,
  type TestController,
  tenantWithProject,
  unique,
  useController,
} from "./harness";

/*
 * KubernetesCluster handlers against an in-process controller that runs clusters as VMs only: the
 * Photon side of the lifecycle (no duplicates, partial failures, adoption). Readiness and drains through
 * the Kubernetes API are in tests/integration/kube/kubernetesCluster.test.ts.
 */

const h = () => handlers("KubernetesCluster");

let hostCounter = 0;
/** A project and a READY CLOUD host for its clusters. */
async function projectWithHost(prefix: string): Promise<string> {
  const { project } = await tenantWithProject(prefix);
  const address = `10.77.${process.pid % 200}.${++hostCounter}`;
  await createAndVerify("Host", {
    address,
    username: "root",
    password: "pw-cluster",
    identity: `urn:h-${address}`,
  });
  return project.id;
}

async function clusterInputs(projectId: string, extra: Props = {}): Promise<Props> {
  const name = unique("k");
  return checkedInputs("KubernetesCluster", {
    projectId,
    name,
    workerCount: 2,
    identity: `urn:${name}`,
    ...extra,
  });
}

async function clustersNamed(ctl: TestController, projectId: string, name: unknown): Promise<string[]> {
  const list = await ctl.get<{ items: Array<{ id: string; name: string; state: string }> }>(
    `/v1/projects/${projectId}/services`,
  );
  return list.items.filter((c) => c.name === name && c.state !== "PENDING_DELETE").map((c) => c.id);
}

async function failure(
  work: Promise<unknown>,
): Promise<Error & Partial<{ id: string; properties: Props; reasons: string[] }>> {
  return work.then(
    () => assert.fail("expected a failure"),
    (e: unknown) => e as Error,
  );
}

describe("KubernetesCluster handlers (VM-only controller)", function () {
  this.timeout(120_000);

  describe("lifecycle", () => {
    const ctl = controllerPerSuite();

    it("creates, reads without drift, scales in place both ways, deletes idempotently", async () => {
      const projectId = await projectWithHost("kc");
      const inputs = await clusterInputs(projectId);
      const { id, outs } = await h().create(inputs);
      assert.strictEqual(outs?.clusterId, id);
      assert.strictEqual(outs?.state, "READY");
      assert.deepStrictEqual(
        [(outs?.masterNodes as string[]).length, (outs?.workerNodes as string[]).length],
        [1, 2],
      );
      assert.strictEqual(outs?.kubeconfig, undefined, "a VM-only controller serves no kubeconfig");
      await assertNoDrift("KubernetesCluster", id, inputs);
      for (const workerCount of [3, 1]) {
        const news = { ...inputs, workerCount };
        assert.deepStrictEqual(await h().diff(id, outs ?? {}, news), {
          changes: true,
          replaces: [],
          stables: [
            "projectId",
            "name",
            "networkId",
            "storagePoolId",
            "masterCount",
            "etcdCount",
            "masterVmFlavor",
            "workerVmFlavor",
          ],
          deleteBeforeReplace: false,
        });
        const updated = await h().update(id, inputs, news);
        assert.strictEqual((updated.outs?.workerNodes as string[]).length, workerCount);
        await assertNoDrift("KubernetesCluster", id, news);
      }
      await h().delete(id, inputs);
      assert.deepStrictEqual(await h().read(id, inputs), { id: "" });
      await h().delete(id, inputs);
      assert.deepStrictEqual(await clustersNamed(ctl(), projectId, inputs.name), []);
    });

    it("changes maxSurge, maxUnavailable and drainTimeout in place: the server keeps them, a refresh reads them back", async () => {
      const projectId = await projectWithHost("ks");
      const inputs = await clusterInputs(projectId, { drainTimeout: "90s" });
      const { id, outs } = await h().create(inputs);
      const view = async () =>
        (await ctl().get<{ extendedProperties: Record<string, string> }>(`/v1/services/${id}`))
          .extendedProperties;
      const settingsOf = (ext: Record<string, string>) => [
        ext["max_surge"],
        ext["max_unavailable"],
        ext["drain_timeout_seconds"],
      ];
      assert.deepStrictEqual(settingsOf(await view()), ["1", "0", "90"], "the create sends all three");
      const news = await checkedInputs("KubernetesCluster", {
        ...inputs,
        maxSurge: 0,
        maxUnavailable: 2,
        drainTimeout: "30m",
      });
      const diff = await h().diff(id, outs ?? {}, news);
      assert.deepStrictEqual([diff.changes, diff.replaces], [true, []], "an update, not a replace");
      const updated = await h().update(id, outs ?? {}, news);
      assert.deepStrictEqual(
        [updated.outs?.maxSurge, updated.outs?.maxUnavailable, updated.outs?.drainTimeout],
        [0, 2, "30m"],
      );
      assert.deepStrictEqual(settingsOf(await view()), ["0", "2", "1800"], "the server's drains read 1800 s");
      await assertNoDrift("KubernetesCluster", id, news);
      // A change made behind the program's back is read back as the server's value: a diff, not silence.
      await adminClient(ctl().url).run(
        { method: "POST", path: `/v1/services/${id}/set_settings`, body: { drainTimeout: "45s" } },
        Deadline.after(30_000, "settings changed elsewhere"),
      );
      const read = await h().read(id, updated.outs ?? {});
      assert.strictEqual(read.props?.drainTimeout, "45s");
      assert.strictEqual((await h().diff(id, read.props ?? {}, news)).changes, true);
      await h().delete(id, news);
    });

    it("adoptName manages the project's cluster of that name; adoptId with another master count is refused", async () => {
      const projectId = await projectWithHost("ka");
      const name = unique("legacy");
      const api = adminClient(ctl().url);
      const task = await api.run(
        {
          method: "POST",
          path: `/v1/projects/${projectId}/services`,
          body: { name, type: "KUBERNETES", workerCount: 1 },
        },
        Deadline.after(60_000, "create of the legacy cluster"),
      );
      const existing = task.entity?.id ?? "";
      const adopt = await checkedInputs("KubernetesCluster", {
        projectId,
        name,
        adoptName: name,
        workerCount: 2,
        identity: `urn:${name}`,
      });
      const adopted = await h().create(adopt);
      assert.strictEqual(adopted.id, existing);
      assert.strictEqual(
        (adopted.outs?.workerNodes as string[]).length,
        2,
        "the adopted cluster is scaled to the inputs",
      );
      const conflict = await checkedInputs("KubernetesCluster", {
        projectId,
        name,
        adoptId: existing,
        masterCount: 3,
        workerCount: 2,
        identity: "urn:other",
      });
      const e = await failure(h().create(conflict));
      assert.match(
        e.message,
        /adoptId: cluster \S+ has masterCount 1 \(the masterCount input is 3\), which cannot change in place/,
      );
      await h().delete(existing, adopt);
    });
  });

  describe("a create whose answer is lost", () => {
    let ctl: TestController;
    before(async () => {
      ctl = await startTestController({ lostResponseRate: 1, seed: 5 });
      useController(ctl.url, { "photon:token": ctl.token });
    });
    after(async () => ctl?.close());

    it("finds the cluster its lost POST made instead of making a second one", async () => {
      const projectId = await projectWithHost("kl");
      const inputs = await clusterInputs(projectId);
      const { id } = await h().create(inputs);
      assert.deepStrictEqual(await clustersNamed(ctl, projectId, inputs.name), [id]);
    });
  });

  describe("a create deadline shorter than the cluster's task (slow steps)", () => {
    const ctl = controllerPerSuite({ slowStepMs: 300, seed: 7 });

    it("is a partial failure {id, properties, reasons}; the next create finds that cluster by its tag", async () => {
      const projectId = await projectWithHost("kp");
      const inputs = await clusterInputs(projectId, { timeouts: { create: "200ms" } });
      const partial = await failure(h().create(inputs));
      assert.ok(partial.id, `a partial failure carries the id: ${partial.message}`);
      assert.strictEqual(partial.properties?.clusterId, partial.id);
      assert.ok((partial.reasons ?? []).length > 0);
      const again = await h().create({ ...inputs, timeouts: { create: "5m" } });
      assert.strictEqual(again.id, partial.id);
      assert.deepStrictEqual(await clustersNamed(ctl(), projectId, inputs.name), [partial.id]);
      await h().delete(again.id, inputs);
    });
  });
});
