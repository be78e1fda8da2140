import * as assert from "assert";
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Api, items, login, tempDir, type Json } from "./helpers";

const CLI = path.join(__dirname, "..", "..", "controller", "cli.js");

interface Child {
  proc: ChildProcess;
  url: string;
}

function launch(dataDir: string, extra: string[] = []): Promise<Child> {
  // An API durability test: clusters are VMs only here (tests/integration/kube covers real clusters).
  const proc = spawn(
    process.execPath,
    [CLI, "--port", "0", "--data", dataDir, "--kubernetes", "none", ...extra],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`controller did not start: ${out}`)), 15000);
    proc.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    });
    proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
    proc.on("exit", (code) => reject(new Error(`controller exited ${code}: ${out}`)));
  });
}

function exited(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    proc.exitCode !== null || proc.signalCode !== null
      ? resolve(proc.exitCode)
      : proc.on("exit", (code) => resolve(code)),
  );
}

describe("controller restart (CLI child process, kill -9 mid-task)", () => {
  // Each test launches its own controllers on its own data folder; whatever still runs is stopped after it.
  const dataDirs: string[] = [];
  const children: Child[] = [];
  const newDataDir = (): string => {
    const dir = tempDir();
    dataDirs.push(dir);
    return dir;
  };
  const started = async (dataDir: string, extra: string[] = []): Promise<Child> => {
    const child = await launch(dataDir, extra);
    children.push(child);
    return child;
  };
  afterEach(async () => {
    for (const { proc } of children.splice(0)) {
      if (proc.exitCode !== null || proc.signalCode !== null) continue;
      proc.kill("SIGTERM");
      await exited(proc);
    }
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loses no acknowledged write and leaves no task STARTED", async () => {
    const dataDir = newDataDir();
    let child = await started(dataDir, ["--task-step-delay-ms", "300"]);
    const admin = await login(new Api(child.url), "admin", "photon-admin");
    await admin.done(
      admin.post("/v1/infrastructure/hosts", { address: "10.9.9.1", username: "r", password: "p" }),
    );
    const tenantId = await admin.done(admin.post("/v1/tenants", { name: "durable" }));
    const projectId = await admin.done(admin.post(`/v1/tenants/${tenantId}/projects`, { name: "p" }));
    const clusterTask = await admin.post(`/v1/projects/${projectId}/services`, {
      name: "k",
      type: "KUBERNETES",
      workerCount: 3,
    });
    assert.strictEqual(clusterTask.status, 201);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const r = await admin.post("/v1/tenants", { name: `t${i}` }).catch(() => undefined);
        if (r?.status === 201) acknowledged.push(`t${i}`);
      }
    })();
    for (;;) {
      const t = await admin.get(`/v1/tasks/${String(clusterTask.body["id"])}`);
      const steps = t.body["steps"] as Json[];
      if (steps.some((s) => s["state"] === "COMPLETED")) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.proc.kill("SIGKILL");
    stop = true;
    await writer;
    await exited(child.proc);
    assert.ok(acknowledged.length > 0, "writes were acknowledged before the kill");

    child = await started(dataDir);
    const again = new Api(child.url, admin.token);
    const tenants = new Set(items(await again.get("/v1/tenants?pageSize=100")).map((x) => x["name"]));
    for (let link: unknown = (await again.get("/v1/tenants?pageSize=100")).body["nextPageLink"]; link;) {
      const page = await again.get(String(link));
      for (const x of items(page)) tenants.add(x["name"]);
      link = page.body["nextPageLink"];
    }
    const lost = acknowledged.filter((n) => !tenants.has(n));
    assert.deepStrictEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged tenants lost`);
    const done = await again.task(String(clusterTask.body["id"]));
    assert.strictEqual(done["state"], "COMPLETED", JSON.stringify(done["steps"]));
    assert.strictEqual(items(await again.get("/v1/tasks?state=STARTED")).length, 0);
    assert.strictEqual(items(await again.get("/v1/tasks?state=QUEUED")).length, 0);
    const cluster = items(await again.get(`/v1/projects/${projectId}/services`))[0] as Json;
    assert.strictEqual(cluster["state"], "READY");
    assert.strictEqual(items(await again.get(`/v1/services/${String(cluster["id"])}/vms`)).length, 5);
    process.stdout.write(
      `      restart: ${acknowledged.length} acknowledged writes before kill -9, 0 lost; cluster task resumed to COMPLETED\n`,
    );
  });

  it("stops cleanly on SIGTERM", async () => {
    const child = await started(newDataDir());
    child.proc.kill("SIGTERM");
    assert.strictEqual(await exited(child.proc), 0);
  });
});
