import * as assert from "assert";
import { Deadline, handlers } from "../../provider";
import type { ClusterVm } from "../../provider/client";
import type { Props } from "../../provider/resources/props";
import { type KubeController, startKubeController } from "../support/kubeController";
import { checkedInputs, createAndVerify, tenantWithProject, unique, useController } from "./harness";

/*
 * autoRepair through the handlers, against a controller whose clusters are real control planes (node
 * health is what the Kubernetes API reports; a VM-only controller serves none): a host failed by fault
 * injection makes its workers NotReady; with autoRepair off an update only reports them, with it on the
 * update triggers the platform's maintenance and waits until every node is Ready again.
 */

const h = () => handlers("KubernetesCluster");

describe("KubernetesCluster autoRepair (real control plane)", function () {
  this.timeout(600_000);
  let kc: KubeController;
  let projectId: string;

  before(async function () {
    kc = await startKubeController("photon-kc-repair", { faults: {} });
    useController(kc.ctl.url);
    ({ id: projectId } = (await tenantWithProject("kr")).project);
    for (const n of [1, 2, 3]) {
      const address = `10.81.${process.pid % 200}.${n}`;
      await createAndVerify("Host", {
        address,
        username: "root",
        password: "pw-repair",
        identity: `urn:h-${address}`,
        metadata: { cpuCount: "32", memoryMb: "65536", datastoreGb: "2048" },
      });
    }
  });
  after(async () => kc?.close());

  const vmsOf = async (id: string) =>
    (await kc.api.list<ClusterVm & { hostId: string }>(`/v1/services/${id}/vms`)).filter(
      (vm) => vm.state !== "DELETED",
    );
  const operations = async (id: string) =>
    (await kc.api.list<{ operation: string }>(`/v1/services/${id}/tasks`)).map((t) => t.operation);
  const hostAction = (hostId: string, action: string) =>
    kc.api.run(
      { method: "POST", path: `/v1/infrastructure/hosts/${hostId}/${action}` },
      Deadline.after(120_000, `${action} of host ${hostId}`),
    );

  it("off: an update reports the failed host's workers and leaves them; on: it repairs them", async () => {
    const name = unique("kr");
    const inputs = await checkedInputs("KubernetesCluster", {
      projectId,
      name,
      workerCount: 3,
      autoRepair: false,
      identity: `urn:${name}`,
    });
    const made = await h().create(inputs);
    const id = made.id;
    await kc.remember();
    const vms = await vmsOf(id);
    const masterHost = vms.find((vm) => vm.role === "KubernetesMaster")?.hostId;
    const lost = vms.filter((vm) => vm.role === "KubernetesWorker" && vm.hostId !== masterHost);
    const failedHost = lost[0]?.hostId ?? "";
    const lostNames = lost
      .filter((vm) => vm.hostId === failedHost)
      .map((vm) => vm.name)
      .sort();
    assert.ok(lostNames.length > 0, `no worker runs apart from the master: ${JSON.stringify(vms)}`);
    await hostAction(failedHost, "fail");

    const read = await h().read(id, made.outs ?? {});
    const seen = read.props ?? {};
    assert.deepStrictEqual(seen.notReadyNodes, lostNames, "refresh reports the failed host's workers");
    assert.strictEqual((await h().diff(id, seen, inputs)).changes, false, "only reported: no update");

    // An update for another reason (a new drain timeout) does not wait for them, and repairs nothing.
    const off = await checkedInputs("KubernetesCluster", { ...inputs, drainTimeout: "5m" });
    const kept = await h().update(id, seen, off);
    assert.deepStrictEqual(kept.outs?.notReadyNodes, lostNames);
    assert.ok(!(await operations(id)).includes("TRIGGER_CLUSTER_MAINTENANCE"), "no maintenance ran");

    const on = await checkedInputs("KubernetesCluster", { ...off, autoRepair: true });
    assert.strictEqual((await h().diff(id, kept.outs ?? {}, on)).changes, true);
    const repaired = await h().update(id, kept.outs ?? {}, on);
    await kc.remember();
    assert.ok((await operations(id)).includes("TRIGGER_CLUSTER_MAINTENANCE"), "the maintenance ran");
    const now = await vmsOf(id);
    const nodes = now
      .filter((vm) => vm.role !== "KubernetesEtcd")
      .map((vm) => vm.name)
      .sort();
    assert.deepStrictEqual(repaired.outs?.notReadyNodes, []);
    assert.deepStrictEqual([...((repaired.outs?.readyNodes as string[]) ?? [])].sort(), nodes);
    assert.strictEqual(nodes.length, 4, "1 master and 3 workers again");
    assert.ok(
      now.every((vm) => vm.role !== "KubernetesWorker" || vm.hostId !== failedHost),
      "no worker is left on the failed host",
    );
    await hostAction(failedHost, "provision");
    await h().delete(id, on as Props);
  });
});
