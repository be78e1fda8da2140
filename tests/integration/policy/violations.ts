import * as path from "path";
import type { CommandResult, LocalStack } from "../../../toolchain/engine";
import { packageRoot } from "../../../toolchain/paths";

export const PACK = path.join(packageRoot(), "examples", "policy");
export const PROGRAM = path.join(PACK, "platform");

/** One line of the CLI's "Policies:" report: level, rule, and the resource as `<type>: <name>`. */
export interface Violation {
  readonly level: string;
  readonly rule: string;
  readonly resource: string;
  readonly message: string;
}

/**
 * The violations the CLI printed, each as
 * `- [mandatory]  <rule>  (<type>: <name>)`, then the rule's description, then the message.
 */
export function violationsOf(output: string): Violation[] {
  const entry = /^\s+- \[(\w+)\]\s+(\S+)\s+\((\S+: \S+)\)\n[^\n]*\n\s+([^\n]*)$/gm;
  return [...output.matchAll(entry)].map((m) => ({
    level: m[1] ?? "",
    rule: m[2] ?? "",
    resource: m[3] ?? "",
    message: m[4] ?? "",
  }));
}

/** `[level, rule, resource]` rows, sorted, for whole-list comparisons. */
export function rows(violations: readonly Violation[]): string[][] {
  return violations
    .map((v) => [v.level, v.rule, v.resource])
    .sort((a, b) => a.join().localeCompare(b.join()));
}

/** Sets every key in one CLI call (each call costs seconds on a loaded machine). */
export async function setAll(stack: LocalStack, values: Readonly<Record<string, string>>): Promise<void> {
  const pairs = Object.entries(values).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]);
  await stack.stack(["config", "set-all", ...pairs, "--config-file", stack.configFile]);
}

export function previewWithPack(stack: LocalStack, extra: readonly string[] = []): Promise<CommandResult> {
  return stack.preview(["--policy-pack", PACK, ...extra], { allowFailure: true });
}
