import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import {
  type CommandResult,
  type LocalStack,
  PulumiCommandError,
  type RunOptions,
} from "../../toolchain/engine";
import { survivors } from "../support/processes";
import { audit, type AuditReport } from "./audit";
import { killTree } from "./processTree";
import { type ChaosController, SECRETS } from "./world";

/** Lines the CLI prints as a resource operation starts (`+  ...:Host esx-01 creating (0s)`). */
const OPERATION_STARTED = / (creating|deleting|updating|replacing) \(/g;

/** When to kill: once `afterOperations` resource operations have started, then `delayMs` later. */
export interface KillPlan {
  readonly afterOperations: number;
  readonly delayMs: number;
}

export function operationsStarted(output: string): number {
  return (output.match(OPERATION_STARTED) ?? []).length;
}

/** A plan drawn from a seeded generator: any of the first `operations` operations, 0 to 400 ms in. */
export function drawPlan(random: () => number, operations: number): KillPlan {
  return { afterOperations: 1 + Math.floor(random() * operations), delayMs: Math.floor(random() * 400) };
}

export type Command = (options: Partial<RunOptions>) => Promise<CommandResult>;

/** Runs a CLI command in its own process group and kills its whole tree as the plan says. */
export async function killDuring(
  command: Command,
  plan: KillPlan,
): Promise<{ killed: boolean; result: CommandResult }> {
  let pid: number | undefined;
  let killedPids: number[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  const result = await command({
    ownProcessGroup: true,
    allowFailure: true,
    onSpawn: (p) => (pid = p),
    onOutput: (soFar) => {
      if (timer || pid === undefined || operationsStarted(soFar) < plan.afterOperations) return;
      const root = pid;
      timer = setTimeout(() => (killedPids = killTree(root)), plan.delayMs);
    },
  });
  // The command may end before the delay: its pid must not be signalled later (it could be reused).
  clearTimeout(timer);
  if (!killedPids) return { killed: false, result };
  await waitUntilGone(killedPids);
  return { killed: true, result };
}

/** Every process of a killed tree is gone (they die at once; the bound is for a loaded machine). */
async function waitUntilGone(pids: readonly number[]): Promise<void> {
  for (let i = 0; i < 100 && survivors(pids).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(survivors(pids), [], "the killed CLI left processes running");
}

/**
 * What a user runs after a CLI run was lost: `pulumi cancel` drops the lock the dead run left on the
 * file backend; `pulumi refresh --clear-pending-creates` reads every resource back and drops the
 * interrupted creates (non-interactively; the create the engine retries finds its earlier object by its
 * identity tag); then `pulumi up`.
 */
export async function recover(stack: LocalStack): Promise<{ outputs: CommandResult[]; restored: boolean }> {
  const cancel = await stack.stack(["cancel", "--yes"], { allowFailure: true });
  const refresh = await stack.refresh(["--clear-pending-creates"], { allowFailure: true });
  const restored = refresh.code !== 0 && /failed to load checkpoint/.test(refresh.stderr);
  if (refresh.code !== 0 && !restored) throw new PulumiCommandError(refresh);
  const outputs = [cancel, refresh];
  if (restored) {
    restoreCheckpointBackup(stack);
    outputs.push(await stack.refresh(["--clear-pending-creates"]));
  }
  outputs.push(await stack.up());
  return { outputs, restored };
}

/**
 * The kill cut the file backend's checkpoint short (`failed to load checkpoint: EOF`): the CLI keeps the
 * previous one beside it as `<stack>.json.bak`, and a user of the file backend puts it back. What it
 * misses (the last resources written) the refresh and the next creates find again by identity tag.
 */
function restoreCheckpointBackup(stack: LocalStack): void {
  const stacks = path.join(stack.workDir, "state", ".pulumi", "stacks");
  for (const project of fs.readdirSync(stacks)) {
    const checkpoint = path.join(stacks, project, `${stack.stackName}.json`);
    if (fs.existsSync(`${checkpoint}.bak`)) {
      fs.copyFileSync(`${checkpoint}.bak`, checkpoint);
      return;
    }
  }
  throw new Error(`the cut checkpoint of ${stack.stackName} has no .bak beside it in ${stacks}`);
}

/** Converged: `pulumi preview` of the unchanged program shows no change. */
export async function assertConverged(stack: LocalStack): Promise<CommandResult> {
  return stack.preview(["--expect-no-changes"]);
}

/** No `ConcurrentTask` (a write that met another one's lock) reached the user in any of these outputs. */
export function assertNoConcurrentTask(results: readonly CommandResult[]): void {
  const seen = results.filter((r) => /ConcurrentTask/.test(r.stdout + r.stderr));
  assert.deepEqual(
    seen.map((r) => r.command),
    [],
    `ConcurrentTask reached the user:\n${seen.map((r) => r.stdout.slice(-2000)).join("\n")}`,
  );
}

/** Audits the server against the stacks and asserts every invariant; answers the report for printing. */
export async function assertClean(
  ctl: ChaosController,
  stacks: readonly LocalStack[],
  expected: { readonly empty?: boolean; readonly madeByTest?: readonly string[] } = {},
): Promise<AuditReport> {
  const states = await Promise.all(stacks.map((s) => s.exportState()));
  const report = await audit(ctl.admin, { states, secrets: SECRETS, madeByTest: expected.madeByTest ?? [] });
  const shown = JSON.stringify(report, null, 1);
  assert.deepEqual(report.duplicates, [], shown);
  assert.deepEqual(report.orphans, [], shown);
  assert.deepEqual(report.missing, [], shown);
  assert.deepEqual(report.openTasks, [], shown);
  assert.equal(report.pendingOperations, 0, shown);
  assert.deepEqual(report.plaintextSecrets, [], shown);
  if (expected.empty) assert.equal(report.objects - (expected.madeByTest ?? []).length, 0, shown);
  else assert.ok(report.objects > 0, shown);
  return report;
}

/** One line per scenario, the figures the issue asks for. */
export function printScenario(name: string, figures: Readonly<Record<string, unknown>>): void {
  const text = Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" ");
  console.log(`      chaos ${name}: ${text}`);
}
