import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startController, type RunningController } from "../controller";
import { KubernetesRuntime } from "../controller/kube/runtime";
import { LocalStack } from "../toolchain/engine";
import { packageRoot } from "../toolchain/paths";

const ADMIN_PASSWORD = "photon-admin";
const ESX_PASSWORD = "demo-esx-password";

function heading(text: string): void {
  console.log(`\n\x1b[1m== ${text}\x1b[0m`);
}

/**
 * The main job: the embedded controller (real Kubernetes behind its clusters) and, under the real engine,
 * a platform of hosts, a vSAN pool, a tenant, a project and a network, through up, an exact preview, an
 * in-place change, a policy check and destroy. With --keep it leaves both running for exploration.
 */
async function main(keep: boolean): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-demo-"));
  const controller = await startController({
    port: 0,
    dataDir,
    taskStepDelayMs: 100,
    clusterRuntime: new KubernetesRuntime({ dataDir: path.join(dataDir, "kube") }),
  });
  const program = path.join(packageRoot(), "examples", "platform");
  const stack = await LocalStack.create(program, "demo");
  try {
    await walkThrough(stack, controller, program);
    if (keep) return await holdOpen(controller, stack);
    heading("pulumi destroy");
    await stack.destroy([], { echo: process.stdout });
    console.log("\nDemo complete.");
  } finally {
    if (!keep) {
      await stack.dispose();
      await controller.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function walkThrough(stack: LocalStack, controller: RunningController, program: string): Promise<void> {
  const echo = process.stdout;
  heading(`embedded Photon controller at ${controller.url}`);
  await stack.setConfig("photon:endpoint", controller.url);
  await stack.setConfig("photon:username", "admin");
  await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
  await stack.setConfig("esxPassword", ESX_PASSWORD, true);
  heading(`pulumi up (program ${program})`);
  await stack.up([], { echo });
  heading("pulumi preview --diff on the unchanged stack: no changes expected");
  await stack.preview(["--diff", "--expect-no-changes"], { echo });
  heading("grow the vSAN pool in place: pulumi preview --diff, then up");
  await stack.setConfig("poolCapacityGb", "1536");
  await stack.preview(["--diff"], { echo });
  await stack.up([], { echo });
  heading("pulumi preview with the policy pack in examples/platform/policy");
  await stack.preview(["--policy-pack", path.join(program, "policy")], { echo });
  const state = await stack.exportState();
  heading(
    `state checked: the ESX password ${state.includes(ESX_PASSWORD) ? "APPEARS" : "does not appear"} in plain text`,
  );
}

async function holdOpen(controller: RunningController, stack: LocalStack): Promise<void> {
  heading("kept running (Ctrl-C stops the controller)");
  console.log(`controller: ${controller.url} (user admin, the default password of docs/controller.md)`);
  console.log(`stack state and settings: ${stack.workDir}`);
  await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  await controller.close();
}

main(process.argv.includes("--keep")).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
