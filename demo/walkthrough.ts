import * as path from "path";
import type { RunningController } from "../controller";
import type { KubernetesRuntime } from "../controller/kube/runtime";
import { PhotonClient } from "../provider/client";
import { kubectlBinary } from "../toolchain/binaries";
import type { LocalStack } from "../toolchain/engine";
import { packageRoot } from "../toolchain/paths";
import { kubectl, leftovers, printPoolUsage, writeKubeconfig } from "./look";
import type { Timeline } from "./timeline";

export const ADMIN_PASSWORD = "photon-admin";
const ESX_PASSWORD = "demo-esx-password";
/** The scale the demo shows: the quick start's default 2 workers, then 3. */
const SCALED_WORKERS = "3";
/** A change the policy pack refuses: more workers than its per-cluster cap (100 by default). */
const TOO_MANY_WORKERS = "150";
const WORKER_CAP_RULE = "photon-cluster-worker-cap";

export interface DemoParts {
  readonly timeline: Timeline;
  readonly controller: RunningController;
  readonly runtime: KubernetesRuntime;
  readonly stack: LocalStack;
  /** Where the kubeconfig file goes (the demo's data folder). */
  readonly dataDir: string;
  /** The policy pack the bad change is previewed with. */
  readonly policyPack: string;
  /** Every process the runtime started, gathered along the way (checked after the end). */
  readonly pids: Set<number>;
}

const out = process.stdout;

/** up, then what a user looks at: outputs, nodes, pods, pool usage. Answers the kubeconfig file. */
export async function upAndLook(d: DemoParts): Promise<string> {
  const { timeline, stack, controller } = d;
  await timeline.step("configure the stack: the controller's endpoint and the admin login", async () => {
    await stack.setConfig("photon:endpoint", controller.url);
    await stack.setConfig("photon:username", "admin");
    await stack.setConfig("photon:password", ADMIN_PASSWORD, true);
    await stack.setConfig("esxPassword", ESX_PASSWORD, true);
    out.write(`controller ${controller.url}, program ${stack.programDir}\n`);
  });
  await timeline.step(`pulumi up (${path.basename(stack.programDir)})`, () => stack.up([], { echo: out }));
  for (const pid of await d.runtime.pids()) d.pids.add(pid);
  await timeline.step("pulumi stack output", async () => {
    await stack.stack(["stack", "output"], { echo: out });
    const state = await stack.exportState();
    const plain = [ESX_PASSWORD, ADMIN_PASSWORD].some((secret) => state.includes(secret));
    out.write(`\nstate checked: the passwords ${plain ? "APPEAR" : "do not appear"} in plain text\n`);
    if (plain) throw new Error("a password is in the stack's state in plain text");
  });
  const kubeconfig = writeKubeconfig(
    path.join(d.dataDir, "kubeconfig"),
    String((await stack.outputs()).kubeconfig),
  );
  const kubectlPath = kubectlBinary();
  await timeline.step("kubectl get nodes (the cluster's kubeconfig)", () =>
    kubectl(kubectlPath, kubeconfig, ["get", "nodes", "-o", "wide"], out),
  );
  await timeline.step("kubectl get pods -A", () =>
    kubectl(kubectlPath, kubeconfig, ["get", "pods", "-A"], out),
  );
  await timeline.step("kubectl get pvc -A: the StatefulSet's volumes, from the pool", () =>
    kubectl(kubectlPath, kubeconfig, ["get", "pvc", "-A"], out),
  );
  const api = new PhotonClient({ endpoint: controller.url, username: "admin", password: ADMIN_PASSWORD });
  await timeline.step("storage pool usage (Photon API)", () => printPoolUsage(api, out));
  return kubeconfig;
}

/** A scale change reviewed, a bad change refused by the policy pack, then the scale applied. */
export async function changes(d: DemoParts, kubeconfig: string): Promise<void> {
  const { timeline, stack } = d;
  await timeline.step(`pulumi preview --diff: workers 2 -> ${SCALED_WORKERS}`, async () => {
    await stack.setConfig("workerCount", SCALED_WORKERS);
    await stack.preview(["--diff"], { echo: out });
  });
  await timeline.step(
    `pulumi preview --policy-pack ${path.relative(packageRoot(), d.policyPack)}: workers -> ${TOO_MANY_WORKERS} is refused`,
    async () => {
      await stack.setConfig("workerCount", TOO_MANY_WORKERS);
      const denied = await stack.preview(["--policy-pack", d.policyPack], { echo: out, allowFailure: true });
      await stack.setConfig("workerCount", SCALED_WORKERS);
      if (denied.code === 0 || !denied.stdout.includes(WORKER_CAP_RULE))
        throw new Error(`${d.policyPack} did not refuse ${TOO_MANY_WORKERS} workers with ${WORKER_CAP_RULE}`);
      out.write(
        `\nrefused as expected (pulumi preview exited ${denied.code}); workerCount is back to ${SCALED_WORKERS}\n`,
      );
    },
  );
  await timeline.step(`pulumi up: workers 2 -> ${SCALED_WORKERS}`, () => stack.up([], { echo: out }));
  for (const pid of await d.runtime.pids()) d.pids.add(pid);
  await timeline.step("kubectl get nodes after the scale", () =>
    kubectl(kubectlBinary(), kubeconfig, ["get", "nodes"], out),
  );
}

/** destroy, then what is left on the controller and in the runtime (only the shared etcd may run). */
export async function destroyAndCheck(d: DemoParts): Promise<void> {
  const { timeline, stack, controller } = d;
  await timeline.step("pulumi destroy", () => stack.destroy([], { echo: out }));
  await timeline.step("leftovers on the controller", async () => {
    const api = new PhotonClient({ endpoint: controller.url, username: "admin", password: ADMIN_PASSWORD });
    const found = await leftovers(api);
    const running = await d.runtime.pids();
    if (running.length > 1) found.push(`${running.length - 1} Kubernetes processes besides the shared etcd`);
    out.write(`leftovers: ${found.length === 0 ? "none" : found.join(", ")}\n`);
    if (found.length > 0) throw new Error(`destroy left ${found.join(", ")}`);
  });
}
