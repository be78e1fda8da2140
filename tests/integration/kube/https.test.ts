import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { X509Certificate } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { startController, type RunningController } from "../../../controller";
import { kubeClients } from "../../../controller/kube/client";
import { KubernetesRuntime } from "../../../controller/kube/runtime";
import { Deadline, PhotonClient, type RequestSpec } from "../../../provider/client";
import { kubectlBinary } from "../../../toolchain/binaries";
import { tempDir } from "../../controller/helpers";
import { survivors } from "../../support/processes";

/** The CA certificate a kubeconfig carries (`certificate-authority-data`). */
function kubeconfigCa(kubeconfig: string): X509Certificate {
  const data =
    /certificate-authority-data: (\S+)/.exec(kubeconfig)?.[1] ?? assert.fail("no CA in kubeconfig");
  return new X509Certificate(Buffer.from(data, "base64"));
}

describe("kubeconfigs of a controller that serves HTTPS", function () {
  let dataDir: string;
  let runtime: KubernetesRuntime;
  let ctl: RunningController;
  let api: PhotonClient;
  const pids = new Set<number>();

  /** A write whose task must complete; answers the entity id. */
  async function done(spec: RequestSpec, ms = 60_000): Promise<string> {
    const task = await api.run(spec, Deadline.after(ms, `${spec.method} ${spec.path}`));
    return task.entity?.id ?? assert.fail(`no entity in ${JSON.stringify(task)}`);
  }

  before(async function () {
    dataDir = tempDir();
    runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
    ctl = await startController({ port: 0, dataDir, clusterRuntime: runtime, tls: { selfSigned: true } });
    const caCert = ctl.ca?.pem ?? assert.fail("the controller made no CA");
    api = new PhotonClient({ endpoint: ctl.url, username: "admin", password: "photon-admin", caCert });
  });

  after(async function () {
    for (const pid of await runtime.pids()) pids.add(pid);
    await ctl?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    assert.deepEqual(survivors([...pids]), [], "processes left behind");
  });

  /** Two hosts, a tenant, a project and a one-worker cluster on them; answers the cluster id. */
  async function makeCluster(): Promise<string> {
    const metadata = { cpuCount: "32", memoryMb: "65536" };
    for (const n of [1, 2])
      await done({
        method: "POST",
        path: "/v1/infrastructure/hosts",
        body: { address: `10.12.0.${n}`, username: "root", password: "pw", usageTags: ["CLOUD"], metadata },
      });
    const tenantId = await done({
      method: "POST",
      path: "/v1/tenants",
      body: { name: "tls", securityGroups: [] },
    });
    const projectId = await done({
      method: "POST",
      path: `/v1/tenants/${tenantId}/projects`,
      body: { name: "p" },
    });
    const cluster = { type: "KUBERNETES", name: "web", workerCount: 1 };
    return done({ method: "POST", path: `/v1/projects/${projectId}/services`, body: cluster }, 180_000);
  }

  it("hand out their cluster's own CA, and kubectl uses them unchanged", async function () {
    const clusterId = await makeCluster();
    for (const pid of await runtime.pids()) pids.add(pid);
    const { kubeconfig } = await api.get<{ kubeconfig: string }>(`/v1/services/${clusterId}/kubeconfig`);
    const controllerCa = new X509Certificate(ctl.ca?.pem ?? "");
    const clusterCa = kubeconfigCa(kubeconfig);
    assert.notEqual(
      clusterCa.fingerprint256,
      controllerCa.fingerprint256,
      "the kubeconfig carries the cluster's CA",
    );
    assert.match(kubeconfig, /server: https:\/\/127\.0\.0\.1:\d+\n/);

    const vms = await api.list<{ name: string; role: string }>(`/v1/services/${clusterId}/vms`);
    const nodes = (await kubeClients(kubeconfig).core.listNode()).items.map((n) => String(n.metadata?.name));
    assert.deepEqual(
      nodes.sort(),
      vms
        .filter((vm) => vm.role !== "KubernetesEtcd")
        .map((vm) => vm.name)
        .sort(),
    );
    const file = path.join(dataDir, "kubeconfig");
    fs.writeFileSync(file, kubeconfig, { mode: 0o600 });
    const listed = execFileSync(kubectlBinary(), ["--kubeconfig", file, "get", "nodes", "-o", "name"], {
      encoding: "utf8",
    });
    assert.deepEqual(
      listed.trim().split("\n").sort(),
      nodes.map((n) => `node/${n}`),
    );
  });
});
