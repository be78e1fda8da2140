import { strict as assert } from "assert";
import * as path from "path";
import { startTestController, type TestController } from "../../provider/harness";
import { Deadline, PhotonClient } from "../../../provider/client";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";
import { ADMIN_PASSWORD } from "./steps";

describe("integration: adopting an existing Tenant by name under the real CLI", function () {
  let ctl: TestController;
  let stack: LocalStack;
  let api: PhotonClient;
  let madeId: string;

  before(async function () {
    ctl = await startTestController();
    api = new PhotonClient({ endpoint: ctl.url, token: ctl.token });
    const task = await api.run(
      { method: "POST", path: "/v1/tenants", body: { name: "legacy", securityGroups: [] } },
      Deadline.after(30_000, "create of the legacy tenant"),
    );
    madeId = task.entity?.id ?? "";
    stack = await LocalStack.create(path.join(packageRoot(), "examples", "tenant"), `adopt-${process.pid}`);
    await stack.setConfig("photon:endpoint", ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("tenantName", "legacy");
    await stack.setConfig("adoptName", "legacy");
  });

  after(async function () {
    await stack?.dispose();
    await ctl?.close();
  });

  it("up manages the existing tenant instead of making one, and a preview then shows nothing", async function () {
    await stack.up();
    assert.equal((await stack.outputs()).tenantId, madeId);
    const tenants = await api.list<{ id: string }>("/v1/tenants");
    assert.deepEqual(
      tenants.map((t) => t.id),
      [madeId],
    );
    const preview = JSON.parse((await stack.preview(["--json"])).stdout) as { steps?: Array<{ op: string }> };
    assert.deepEqual(
      (preview.steps ?? []).filter((s) => s.op !== "same"),
      [],
    );
  });

  it("destroy deletes the adopted tenant", async function () {
    await stack.destroy();
    assert.equal((await api.list("/v1/tenants")).length, 0);
  });
});
