import * as assert from "assert";
import { handlers } from "../../provider";
import {
  assertNoDrift,
  checkedInputs,
  controllerPerSuite,
  createAndVerify,
  tenantWithProject,
  unique,
} from "./harness";

/*
 * The provider's side of volumes (decision 0109) against a VM-only controller: StoragePool's
 * storageClassName output, KubernetesCluster's defaultStorageClass sent at create and changed in place
 * through set_settings. Provisioning itself needs real control planes: tests/integration/kube/volumes.
 */

describe("StoragePool.storageClassName and KubernetesCluster.defaultStorageClass", function () {
  const ctl = controllerPerSuite();

  it("a pool names its class; a cluster's default-class choice goes to the server and changes in place", async function () {
    const hosts = [];
    for (const n of [1, 2, 3]) {
      const address = `10.91.${process.pid % 200}.${n}`;
      hosts.push(
        await createAndVerify("Host", {
          address,
          username: "root",
          password: "pw-v",
          identity: `urn:${address}`,
        }),
      );
    }
    const poolName = unique("Gold");
    const pool = await createAndVerify("StoragePool", {
      name: poolName,
      hostIds: hosts.map((h) => h.id),
      capacityGb: 512,
      failuresToTolerate: 1,
      identity: `urn:${poolName}`,
    });
    assert.strictEqual(pool.outs.storageClassName, `vsan-${poolName.toLowerCase()}`);

    const { project } = await tenantWithProject("vol");
    const name = unique("k");
    const inputs = await checkedInputs("KubernetesCluster", {
      projectId: project.id,
      name,
      workerCount: 1,
      storagePoolId: pool.id,
      defaultStorageClass: false,
      identity: `urn:${name}`,
    });
    const h = handlers("KubernetesCluster");
    const { id, outs } = await h.create(inputs);
    assert.strictEqual(outs?.defaultStorageClass, false);
    const extended = async () =>
      (await ctl().get<{ extendedProperties: Record<string, string> }>(`/v1/services/${id}`))
        .extendedProperties;
    assert.strictEqual((await extended())["default_storage_class"], "false");
    await assertNoDrift("KubernetesCluster", id, inputs);

    const news = { ...inputs, defaultStorageClass: true };
    const diff = await h.diff(id, outs ?? {}, news);
    assert.deepStrictEqual([diff.changes, diff.replaces], [true, []]);
    const updated = await h.update(id, outs ?? {}, news);
    assert.strictEqual(updated.outs?.defaultStorageClass, true);
    assert.strictEqual((await extended())["default_storage_class"], "true");
    await assertNoDrift("KubernetesCluster", id, news);
    await h.delete(id, news);
  });
});
