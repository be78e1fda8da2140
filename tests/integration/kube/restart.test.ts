import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { kubeClients, waitFor } from "../../../controller/kube/client";
import { items, tempDir } from "../../controller/helpers";
import { exited, launch, type Launched } from "../../support/controllerProcess";
import { processAlive, survivors } from "../../support/processes";

/** Pids recorded by the Kubernetes runtime's pid files under `dir`. */
function recordedPids(dir: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".pid")) {
      found.push(Number(fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8")));
    }
  }
  return found;
}

describe("controller restart with real clusters (CLI child process, kill -9)", function () {
  const dataDir = tempDir();
  let running: Launched | undefined;
  const seen = new Set<number>();

  after(async function () {
    running?.proc.kill("SIGKILL");
    for (const pid of fs.existsSync(dataDir) ? recordedPids(dataDir) : []) seen.add(pid);
    for (const pid of survivors([...seen])) {
      try {
        process.kill(-pid, "SIGKILL"); // its process group: the runtime starts each component in its own
      } catch {
        process.kill(pid, "SIGKILL");
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("brings a READY cluster's control plane back with its data, and reaps what the killed one left", async function () {
    running = await launch(dataDir);
    const { admin } = running;
    for (const n of [1, 2]) {
      await admin.done(
        admin.post("/v1/infrastructure/hosts", {
          address: `10.8.0.${n}`,
          username: "root",
          password: "pw",
          usageTags: ["CLOUD"],
        }),
      );
    }
    const tenantId = await admin.done(admin.post("/v1/tenants", { name: "durable" }));
    const projectId = await admin.done(admin.post(`/v1/tenants/${tenantId}/projects`, { name: "durable" }));
    const create = await admin.post(`/v1/projects/${projectId}/services`, {
      type: "KUBERNETES",
      name: "keep",
      workerCount: 2,
    });
    const created = await admin.task(create, 180_000);
    assert.equal(created["state"], "COMPLETED", JSON.stringify(created["steps"]));
    const clusterId = String((created["entity"] as Record<string, unknown>)["id"]);
    const kubeconfig = String((await admin.get(`/v1/services/${clusterId}/kubeconfig`)).body["kubeconfig"]);
    await kubeClients(kubeconfig).core.createNamespacedConfigMap({
      namespace: "default",
      body: { metadata: { name: "survivor" }, data: { written: "before the kill" } },
    });
    const before = recordedPids(dataDir);
    before.forEach((pid) => seen.add(pid));
    assert.ok(before.length >= 5, `pid files: ${before.length}`);

    running.proc.kill("SIGKILL");
    await exited(running.proc);
    assert.ok(before.some(processAlive), "the killed controller's Kubernetes processes outlive it");

    running = await launch(dataDir);
    const cluster = await waitFor(
      "the cluster READY after restart",
      async () => {
        const c = items(await running!.admin.get(`/v1/projects/${projectId}/services?name=keep`))[0];
        return c?.["state"] === "READY" ? c : undefined;
      },
      120_000,
    );
    assert.equal(cluster["id"], clusterId);
    const again = String(
      (await running.admin.get(`/v1/services/${clusterId}/kubeconfig`)).body["kubeconfig"],
    );
    const server = (k: string) => /server: (\S+)/.exec(k)?.[1];
    assert.equal(server(again), server(kubeconfig), "the cluster keeps its API address across the restart");
    const survivor = await waitFor(
      "the ConfigMap readable",
      async () => kubeClients(again).core.readNamespacedConfigMap({ name: "survivor", namespace: "default" }),
      60_000,
    );
    assert.deepEqual(survivor.data, { written: "before the kill" });
    assert.deepEqual(survivors(before), [], "stale processes of the killed controller were reaped");

    const after = recordedPids(dataDir);
    after.forEach((pid) => seen.add(pid));
    running.proc.kill("SIGTERM");
    assert.equal(await exited(running.proc), 0);
    running = undefined;
    assert.deepEqual(survivors(after), [], "a stopped controller leaves no process behind");
  });
});
