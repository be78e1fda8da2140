import { strict as assert } from "assert";
import { execFile } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PhotonClient } from "../../provider/client";
import { engineBinaries } from "../../toolchain/binaries";
import { offlineEngineEnv, runPulumi } from "../../toolchain/engine";
import { packageRoot } from "../../toolchain/paths";
import { startTestController, type TestController } from "../provider/harness";
import { type LockPackages, offlineLock, tarballSpec } from "../support/offlineLock";

/*
 * Using pulumi-photon from another repository: `npm pack` of this checkout, the tarball installed
 * offline into a fresh folder (npm's cache only), a small program there pointed at a controller through
 * PHOTON_* variables, and `pulumi up` and `pulumi destroy` with the toolchain's pulumi. Nothing in that
 * folder may lead back to this checkout.
 */

const PROGRAM = `import * as photon from "pulumi-photon";

const tenant = new photon.Tenant("platform", { quota: { "vm.cpu": { limit: 16, unit: "COUNT" } } });
const project = new photon.Project("infra", { tenantId: tenant.id });

export const tenantId = tenant.id;
export const projectId = project.id;
`;

/** What a program's package.json asks for: the tarball, the engine's SDK, TypeScript as templates do. */
function manifest(tarball: string): Record<string, unknown> {
  return {
    name: "infra",
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": "3.220.0", "pulumi-photon": `file:${tarball}` },
    devDependencies: { "@types/node": "20.19.0", typescript: "5.9.3" },
    // The controller's SQLite build and the Kubernetes plugin download are not what a program needs
    // (the toolchain has the plugin); npm 11 reads this list from the installing project.
    allowScripts: { "better-sqlite3": false, "@pulumi/kubernetes": false, protobufjs: false },
  };
}

function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout: 300_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${command} ${args.join(" ")}: ${error.message}\n${stdout}\n${stderr}`))
        : resolve(stdout),
    );
  });
}

function sha512(file: string): string {
  return `sha512-${createHash("sha512").update(fs.readFileSync(file)).digest("base64")}`;
}

/** Writes the program folder: Pulumi.yaml, index.ts, package.json and the lock of pinned versions. */
function writeProgram(dir: string, tarball: string): void {
  const root = packageRoot();
  const packed = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
    dependencies: Record<string, string>;
  };
  const spec = tarballSpec(dir, tarball);
  const wanted = manifest(spec) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const repoLock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
    packages: LockPackages;
  };
  const lock = offlineLock(repoLock.packages, {
    name: "infra",
    tarball: spec,
    tarballIntegrity: sha512(tarball),
    packed,
    dependencies: wanted.dependencies,
    devDependencies: wanted.devDependencies,
  });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    "name: infra\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
  );
  fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest(spec), null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
}

/** Every symlink under `dir` whose target lies in `forbidden`. */
function linksInto(dir: string, forbidden: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isSymbolicLink()) continue;
    const link = path.join(entry.parentPath, entry.name);
    const target = fs.realpathSync(link);
    if (target === forbidden || target.startsWith(`${forbidden}${path.sep}`)) found.push(link);
  }
  return found;
}

describe("integration: the packed package installed in another repository", function () {
  this.timeout(900_000);
  let work: string;
  let program: string;
  let ctl: TestController;
  let env: NodeJS.ProcessEnv;

  before(async function () {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "photon-package-"));
    program = path.join(work, "infra");
    ctl = await startTestController();
    // The toolchain's pulumi and nothing of this checkout on PATH (offlineEngineEnv adds its .bin).
    const base = offlineEngineEnv(path.join(work, "engine"));
    env = {
      ...base,
      PATH: [engineBinaries().binDir, process.env.PATH ?? ""].join(path.delimiter),
      PHOTON_ENDPOINT: ctl.url,
      PHOTON_USERNAME: "admin",
      PHOTON_PASSWORD: "photon-admin",
    };
  });

  after(async function () {
    await ctl?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("npm pack holds the compiled package and no tests, sources or checkout links", async function () {
    const started = Date.now();
    const name = (await run("npm", ["pack", "--pack-destination", work, "--silent"], packageRoot()))
      .trim()
      .split("\n")
      .pop();
    const tarball = path.join(work, name ?? "");
    assert.ok(fs.existsSync(tarball), `npm pack made ${name}`);
    const listing = await run("tar", ["-tzf", tarball], work);
    for (const file of [
      "package/dist/sdk/index.js",
      "package/dist/provider/index.js",
      "package/tools/versions.env",
    ])
      assert.ok(listing.includes(file), `${file} is in the tarball`);
    for (const absent of [
      "package/dist/tests/",
      "package/sdk/",
      "package/node_modules/",
      "package/examples/",
    ])
      assert.ok(!listing.includes(absent), `${absent} is not in the tarball`);
    console.log(
      `      npm pack: ${fs.statSync(tarball).size} bytes, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    writeProgram(program, tarball);
  });

  it("installs offline into a fresh folder, with no link back to this checkout", async function () {
    const started = Date.now();
    await run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], program);
    console.log(`      npm ci --offline: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const installed = path.join(program, "node_modules", "pulumi-photon");
    assert.ok(!fs.lstatSync(installed).isSymbolicLink(), "pulumi-photon is a copy, not a link");
    assert.deepEqual(linksInto(path.join(program, "node_modules"), packageRoot()), []);
    const resolved = await run("node", ["-p", "require.resolve('pulumi-photon/provider')"], program);
    assert.equal(path.dirname(resolved.trim()), path.join(installed, "dist", "provider"));
  });

  it("runs up and destroy with the toolchain's pulumi against the controller named by PHOTON_*", async function () {
    const options = { cwd: program, env };
    await runPulumi(["stack", "init", "dev"], options);
    const up = await runPulumi(["up", "--yes", "--skip-preview"], options);
    assert.match(up.stdout, /\+ 3 created/);
    const outputs = JSON.parse((await runPulumi(["stack", "output", "--json"], options)).stdout) as {
      tenantId: string;
    };
    const api = new PhotonClient({ endpoint: ctl.url, token: ctl.token });
    const tenant = await api.get<{ name: string }>(`/v1/tenants/${outputs.tenantId}`);
    assert.equal(tenant.name, "platform");
    const state = (await runPulumi(["stack", "export"], options)).stdout;
    assert.ok(!state.includes(packageRoot()), "the state names no path of this checkout");
    const destroy = await runPulumi(["destroy", "--yes", "--skip-preview"], options);
    assert.match(destroy.stdout, /- 3 deleted/);
    assert.equal((await api.list("/v1/tenants")).length, 0);
  });
});
