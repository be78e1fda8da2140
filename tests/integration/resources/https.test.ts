import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startController, type RunningController } from "../../../controller";
import { PhotonClient } from "../../../provider/client";
import { LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";
import { makeTestCa, type TestCa } from "../../support/pki";
import { ADMIN_PASSWORD } from "./steps";

async function changes(stack: LocalStack): Promise<Array<{ op: string }>> {
  const preview = JSON.parse((await stack.preview(["--json"])).stdout) as { steps?: Array<{ op: string }> };
  return (preview.steps ?? []).filter((s) => s.op !== "same");
}

describe("integration: a stack on an HTTPS controller, trusted through photon:caCert", function () {
  let dataDir: string;
  let ctl: RunningController;
  let ca: { file: string; pem: string };
  let api: PhotonClient;
  let stack: LocalStack;
  let wrongCa: TestCa;

  /** The tenant's vm.cpu quota limit as the controller holds it. */
  async function cpuLimit(): Promise<number | undefined> {
    const id = String((await stack.outputs()).tenantId);
    const quota = await api.get<{ quotaItems: Record<string, { limit: number }> }>(`/v1/tenants/${id}/quota`);
    return quota.quotaItems["vm.cpu"]?.limit;
  }

  before(async function () {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-it-tls-"));
    ctl = await startController({ port: 0, dataDir, tls: { selfSigned: true } });
    ca = ctl.ca ?? assert.fail("the controller made no CA");
    wrongCa = makeTestCa("wrong-ca");
    api = new PhotonClient({ endpoint: ctl.url, token: await ctl.adminToken(), caCert: ca.pem });
    stack = await LocalStack.create(path.join(packageRoot(), "examples", "tenant"), `tls-${process.pid}`);
    await stack.setConfig("photon:endpoint", ctl.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("photon:caCert", ca.file);
  });

  after(async function () {
    await stack?.dispose();
    await ctl?.close();
    wrongCa?.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("up creates the tenant over HTTPS with photon:caCert naming the CA file", async function () {
    assert.match(ctl.url, /^https:/);
    await stack.up();
    const tenants = await api.list<{ id: string }>("/v1/tenants");
    assert.deepEqual(
      tenants.map((t) => t.id),
      [(await stack.outputs()).tenantId],
    );
  });

  it("an in-place change applies with photon:caCert as PEM text; refresh then shows no changes", async function () {
    // Through standard input: a value starting with "-----" would be read as a flag on the command line.
    // Stack commands that do not run the program (refresh, destroy) use the settings of the last up.
    await stack.setConfig("photon:caCert", ca.pem, true);
    await stack.setConfig("cpuLimit", "48");
    await stack.up();
    assert.equal(await cpuLimit(), 48);
    await stack.refresh();
    assert.deepEqual(await changes(stack), []);
  });

  it("a wrong photon:caCert fails the change with the clear error, not an OpenSSL code", async function () {
    // Secret like the value it replaces: the CLI refuses to overwrite a secret with plain text.
    await stack.setConfig("photon:caCert", wrongCa.certFile, true);
    await stack.setConfig("cpuLimit", "32");
    const result = await stack.up([], { allowFailure: true });
    const output = result.stdout + result.stderr;
    assert.notEqual(result.code, 0, output);
    assert.match(output, /UntrustedCertificate: the server's TLS certificate is not trusted/);
    assert.match(output, /it is not signed by the CA given in photon:caCert \(or PHOTON_CA_CERT\)/);
    assert.match(output, /set photon:insecure to true to skip verification/);
    assert.ok(!output.includes("UNABLE_TO_VERIFY"), output);
  });

  it("with the right CA again, up applies the change and destroy leaves nothing", async function () {
    await stack.setConfig("photon:caCert", ca.file, true);
    await stack.up();
    assert.equal(await cpuLimit(), 32);
    assert.deepEqual(await changes(stack), []);
    await stack.destroy();
    assert.equal((await api.list("/v1/tenants")).length, 0);
  });
});
