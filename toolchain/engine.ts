import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { type EngineBinaries, engineBinaries } from "./binaries";
import { packageRoot } from "./paths";

/** Passphrase of the throwaway local stacks the tests and the demo make; never a real secret. */
export const LOCAL_STACK_PASSPHRASE = "pulumi-photon-local-stack";

/**
 * The environment that runs the real engine offline: a file backend and an isolated PULUMI_HOME under
 * `workDir`, no update checks, no plugin downloads, and the engine folder first on PATH.
 */
export function offlineEngineEnv(
  workDir: string,
  engine: EngineBinaries = engineBinaries(),
): NodeJS.ProcessEnv {
  const home = path.join(workDir, "pulumi-home");
  const state = path.join(workDir, "state");
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(state, { recursive: true });
  const sharedPlugins = path.join(engine.sharedPulumiHome, "plugins");
  const plugins = path.join(home, "plugins");
  if (fs.existsSync(sharedPlugins) && !fs.existsSync(plugins)) fs.symlinkSync(sharedPlugins, plugins, "dir");
  const inherited = { ...process.env };
  for (const key of Object.keys(inherited)) if (key.startsWith("PULUMI_")) delete inherited[key];
  return {
    ...inherited,
    PATH: [engine.binDir, path.join(packageRoot(), "node_modules", ".bin"), process.env.PATH ?? ""].join(
      path.delimiter,
    ),
    PULUMI_HOME: home,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: LOCAL_STACK_PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
  };
}

export interface CommandResult {
  readonly command: string;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export class PulumiCommandError extends Error {
  constructor(readonly result: CommandResult) {
    super(
      `${result.command} exited with ${result.code}\n--- stdout\n${result.stdout.slice(-6000)}\n--- stderr\n${result.stderr.slice(-4000)}`,
    );
    this.name = "PulumiCommandError";
  }
}

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** Copies the engine's output to this stream as it comes (the demo shows progress this way). */
  readonly echo?: NodeJS.WritableStream;
  readonly allowFailure?: boolean;
  /** Written to the command's standard input (how secret values reach `pulumi config set`). */
  readonly input?: string;
  /**
   * Starts the CLI as the leader of its own process group, so a test can kill it and what it started
   * (language host, program, providers) the way a lost CI runner dies: `process.kill(-pid, "SIGKILL")`.
   */
  readonly ownProcessGroup?: boolean;
  /** Told the CLI's pid as soon as it runs (to kill it mid-operation). */
  readonly onSpawn?: (pid: number) => void;
  /** Told each chunk of standard output as it comes (to kill at a chosen point of the operation). */
  readonly onOutput?: (soFar: string) => void;
}

/** Runs the real `pulumi` CLI; rejects with the whole output unless it exits 0 or allowFailure is set. */
export function runPulumi(args: readonly string[], options: RunOptions): Promise<CommandResult> {
  const command = `pulumi ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--non-interactive", "--color=never"], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      detached: options.ownProcessGroup === true,
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.stdin.end(options.input ?? "");
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      options.echo?.write(chunk);
      options.onOutput?.(stdout);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      options.echo?.write(chunk);
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), options.timeoutMs ?? 10 * 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const result = { command, code, stdout, stderr };
      if (code === 0 || options.allowFailure) resolve(result);
      else reject(new PulumiCommandError(result));
    });
  });
}

/** A stack of one program on a throwaway file backend. */
export class LocalStack {
  private constructor(
    readonly programDir: string,
    readonly stackName: string,
    readonly workDir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async create(
    programDir: string,
    stackName = "test",
    extraEnv: NodeJS.ProcessEnv = {},
  ): Promise<LocalStack> {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-stack-"));
    const env = { ...offlineEngineEnv(workDir), ...extraEnv };
    const stack = new LocalStack(programDir, stackName, workDir, env);
    await stack.run(["stack", "init", stackName]);
    // `stack init` writes the settings file (with the secrets salt) beside the program: move it out.
    const written = path.join(programDir, `Pulumi.${stackName}.yaml`);
    if (fs.existsSync(written)) {
      fs.copyFileSync(written, stack.configFile);
      fs.rmSync(written);
    }
    return stack;
  }

  run(args: readonly string[], options: Partial<RunOptions> = {}): Promise<CommandResult> {
    return runPulumi(args, { cwd: this.programDir, env: this.env, ...options });
  }

  /** Runs a stack command (`up`, `preview`, ...) on this stack. */
  stack(args: readonly string[], options: Partial<RunOptions> = {}): Promise<CommandResult> {
    return this.run([...args, "--stack", this.stackName], options);
  }

  /**
   * The stack's settings file lives in the work folder, not beside the program: examples stay clean
   * and two runs of one example never share settings.
   */
  get configFile(): string {
    return path.join(this.workDir, `Pulumi.${this.stackName}.yaml`);
  }

  /** A stack command that reads the stack's settings. */
  private configured(args: readonly string[], options: Partial<RunOptions> = {}): Promise<CommandResult> {
    return this.stack([...args, "--config-file", this.configFile], options);
  }

  /**
   * Sets a stack setting. A secret value goes through standard input, never on the command line, so it
   * shows neither in the process list nor in a failed command's error.
   */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    if (secret) await this.configured(["config", "set", key, "--secret"], { input: value });
    else await this.configured(["config", "set", key, value]);
  }

  up(extra: readonly string[] = [], options: Partial<RunOptions> = {}): Promise<CommandResult> {
    return this.configured(["up", "--yes", "--skip-preview", ...extra], options);
  }

  preview(extra: readonly string[] = [], options: Partial<RunOptions> = {}): Promise<CommandResult> {
    return this.configured(["preview", ...extra], options);
  }

  refresh(extra: readonly string[] = [], options: Partial<RunOptions> = {}): Promise<CommandResult> {
    return this.configured(["refresh", "--yes", "--skip-preview", ...extra], options);
  }

  destroy(extra: readonly string[] = [], options: Partial<RunOptions> = {}): Promise<CommandResult> {
    return this.configured(["destroy", "--yes", "--skip-preview", ...extra], options);
  }

  async outputs(): Promise<Record<string, unknown>> {
    const result = await this.stack(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  async exportState(): Promise<string> {
    return (await this.stack(["stack", "export"])).stdout;
  }

  /** Removes the stack's state; the work folder goes with it. */
  async dispose(): Promise<void> {
    await this.stack(["stack", "rm", "--yes", "--force"], { allowFailure: true });
    fs.rmSync(this.workDir, { recursive: true, force: true });
  }
}
