import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startController } from "../controller";
import { KubernetesRuntime } from "../controller/kube/runtime";
import { engineBinaries, kubectlBinary } from "../toolchain/binaries";
import { LocalStack } from "../toolchain/engine";
import { packageRoot } from "../toolchain/paths";
import { stillRunning } from "./look";
import { shellLines } from "./shell";
import { Timeline } from "./timeline";
import { changes, destroyAndCheck, type DemoParts, upAndLook } from "./walkthrough";

const STACK = "demo";

async function startParts(timeline: Timeline, dataDir: string): Promise<DemoParts> {
  const root = packageRoot();
  const runtime = new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") });
  const controller = await timeline.step(
    "start the embedded Photon controller (real Kubernetes runtime)",
    async () => {
      const started = await startController({
        port: 0,
        host: "127.0.0.1",
        dataDir: path.join(dataDir, "controller"),
        taskStepDelayMs: 0,
        clusterRuntime: runtime,
      });
      process.stdout.write(`listening on ${started.url}, data in ${dataDir}\n`);
      return started;
    },
  );
  // Type checking stays with the build (the demo's test runs tsc on the quick start); the engine only
  // transpiles, which saves seconds on every command.
  const stack = await LocalStack.create(path.join(root, "examples", "quickstart"), STACK, {
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  }).catch(async (error: unknown) => {
    await controller.close();
    throw error;
  });
  return {
    timeline,
    controller,
    runtime,
    stack,
    dataDir,
    policyPack: path.join(root, "examples", "policy"),
    pids: new Set(),
  };
}

/**
 * The main job: the embedded controller (real Kubernetes behind its clusters) and the quick start under
 * the real engine: up, what a user looks at, a reviewed scale change, a change the policy pack refuses,
 * the scale, destroy. With --keep it stops before destroy and leaves everything running to explore.
 */
async function main(keep: boolean): Promise<void> {
  const timeline = new Timeline();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-demo-"));
  fs.mkdirSync(path.join(dataDir, "controller"));
  let parts: DemoParts | undefined;
  let kept = false;
  try {
    parts = await startParts(timeline, dataDir);
    const kubeconfig = await upAndLook(parts);
    await changes(parts, kubeconfig);
    if (keep) {
      kept = true;
      return await holdOpen(parts, kubeconfig);
    }
    await destroyAndCheck(parts);
  } finally {
    if (!kept) await stop(parts, dataDir);
  }
  timeline.summary();
  console.log("\nDemo complete.");
}

/** Stops what the demo started and checks that none of the runtime's processes outlive it. */
async function stop(parts: DemoParts | undefined, dataDir: string): Promise<void> {
  await parts?.stack.dispose();
  for (const pid of (await parts?.runtime.pids()) ?? []) parts?.pids.add(pid);
  await parts?.controller.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const alive = stillRunning([...(parts?.pids ?? [])]);
  console.log(
    `\ncontroller stopped; processes it started still running: ${alive.length === 0 ? "none" : alive.join(", ")}`,
  );
}

/** Prints the lines that reach the stack and the cluster from a shell, then waits for Ctrl-C. */
async function holdOpen(parts: DemoParts, kubeconfig: string): Promise<void> {
  const { stack, controller, timeline } = parts;
  // The CLI reads a stack's settings beside its program: a copy there (ignored by git) while kept.
  const settings = path.join(stack.programDir, `Pulumi.${STACK}.yaml`);
  fs.copyFileSync(stack.configFile, settings);
  await stack.run(["stack", "select", STACK]);
  timeline.summary();
  console.log(`\n\x1b[1m== kept running: the controller at ${controller.url} (user admin)\x1b[0m`);
  console.log("Paste these lines into a shell to use the stack and the cluster, then Ctrl-C here to stop:\n");
  const binDirs = [engineBinaries().binDir, path.dirname(kubectlBinary())];
  for (const line of shellLines({ binDirs, env: stack.env, stackDir: stack.programDir, kubeconfig }))
    console.log(line);
  console.log("\n# then, for example: pulumi stack output; pulumi preview --diff; kubectl get pods -A");
  await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  fs.rmSync(settings, { force: true });
  await stop(parts, parts.dataDir);
}

main(process.argv.includes("--keep")).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
