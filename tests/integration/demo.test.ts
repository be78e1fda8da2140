import { strict as assert } from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { packageRoot } from "../../toolchain/paths";

/*
 * The demo (npm run demo) run once, as a user runs it: the embedded controller with real Kubernetes,
 * the quick start through the real CLI, what a user looks at, a reviewed scale, a change the policy
 * pack refuses, the scale, destroy and nothing left behind.
 */

function runNode(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 900_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout + stderr),
    );
  });
}

/** The table a command printed: the lines after `$ <command>` up to the step's timing line. */
function printed(output: string, command: string): string[] {
  const start = output.indexOf(`$ ${command}\n`);
  assert.ok(start >= 0, `the demo ran ${command}`);
  const rest = output.slice(start + command.length + 3);
  return rest.slice(0, rest.indexOf("\n-- ")).split("\n").filter(Boolean);
}

/** Rows of a kubectl table whose column `column` (0-based) is `value`. */
function rowsWith(table: readonly string[], column: number, value: string): string[][] {
  return table
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[column] === value);
}

describe("the demo (npm run demo)", function () {
  let output = "";

  before(async function () {
    const started = Date.now();
    output = await runNode([path.join(packageRoot(), "dist", "demo", "index.js")]);
    console.log(`      demo: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const timings = output.slice(output.indexOf("== step timings"));
    console.log(
      timings
        .split("\n")
        .map((l) => `      ${l}`)
        .join("\n"),
    );
  });

  it("heads and times every step, with the total at the end", function () {
    for (const heading of [
      "start the embedded Photon controller (real Kubernetes runtime)",
      "pulumi up (quickstart)",
      "pulumi stack output",
      "kubectl get nodes (the cluster's kubeconfig)",
      "kubectl get pods -A",
      "storage pool usage (Photon API)",
      "pulumi preview --diff: workers 2 -> 3",
      "pulumi up: workers 2 -> 3",
      "pulumi destroy",
      "leftovers on the controller",
    ])
      assert.match(output, new RegExp(`== \\[\\d+\\] ${heading.replace(/[()]/g, "\\$&")}`), heading);
    assert.match(output, /== step timings[\s\S]*\n\s*1\. .+ s {2}start the embedded[\s\S]*\ntotal: .+ s\n/);
    assert.match(output, /Demo complete\./);
  });

  it("makes the quick start under pulumi up and shows its outputs with the kubeconfig secret", function () {
    assert.match(output, /\+ 16 created/);
    assert.match(output, /kubeconfig\s+\[secret\]/);
    assert.match(output, /state checked: the passwords do not appear in plain text/);
  });

  it("shows 3 masters and 2 workers Ready, then 3 workers after the scale", function () {
    const nodes = printed(output, "kubectl get nodes -o wide");
    assert.equal(rowsWith(nodes, 1, "Ready").length, 5, nodes.join("\n"));
    assert.equal(rowsWith(nodes, 2, "control-plane").length, 3, nodes.join("\n"));
    const after = printed(output, "kubectl get nodes");
    assert.equal(rowsWith(after, 1, "Ready").length, 6, after.join("\n"));
  });

  it("shows the application's pods Running and its volumes Bound", function () {
    const pods = printed(output, "kubectl get pods -A");
    const running = rowsWith(pods, 3, "Running").map((cells) => cells[1] ?? "");
    assert.equal(running.filter((name) => name.startsWith("web-")).length, 3, pods.join("\n"));
    assert.deepEqual(
      running.filter((name) => name.startsWith("db-")).sort(),
      ["db-0", "db-1"],
      pods.join("\n"),
    );
    const claims = printed(output, "kubectl get pvc -A");
    assert.equal(rowsWith(claims, 2, "Bound").length, 2, claims.join("\n"));
    assert.match(output, /vsan\s+READY\s+used \d+ of 1024 GB/);
  });

  it("reviews the scale, and the policy pack refuses a change beyond its cap", function () {
    assert.match(output, /~ workerCount\s+: 2 => 3/);
    assert.match(
      output,
      /photon-cluster-worker-cap\s+\(pulumi-nodejs:dynamic\/photon:KubernetesCluster: k8s\)/,
    );
    assert.match(output, /refused as expected/);
    assert.match(output, /~ 1 updated/);
  });

  it("destroys everything and leaves nothing behind", function () {
    assert.match(output, /- 16 deleted/);
    assert.match(output, /leftovers: none/);
    assert.match(output, /processes it started still running: none/);
    const dataDir = /data in (\S+)/.exec(output)?.[1];
    assert.ok(dataDir && !fs.existsSync(dataDir), `the demo's data folder ${dataDir} is gone`);
    assert.doesNotMatch(output, /MaxListenersExceededWarning/);
  });

  it("the quick start type-checks (the demo's engine only transpiles it)", async function () {
    const tsc = path.join(packageRoot(), "node_modules", "typescript", "bin", "tsc");
    const program = path.join(packageRoot(), "examples", "quickstart", "index.ts");
    await runNode([
      tsc,
      ...["--noEmit", "--strict", "--esModuleInterop", "--skipLibCheck", "--target", "ES2022"],
      ...["--module", "commonjs", "--moduleResolution", "node10", program],
    ]);
  });
});
