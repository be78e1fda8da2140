/**
 * What a reviewer reads in `pulumi preview --diff` and what a review tool reads in `pulumi preview
 * --json`, parsed: the resources with changes and, for each, the property lines the CLI marks.
 */

/** One resource block of `preview --diff`. */
export interface ResourceDiff {
  /** `~` update, `+-` replace, `+` create, `-` delete. */
  readonly marker: string;
  readonly op: string;
  readonly type: string;
  /** The resource's name, from its `[urn=...]` line. */
  readonly name: string;
  /** The key of every line marked `~`, `+` or `-` inside the block, nested keys included, in order. */
  readonly changed: string[];
  /** Those lines, trimmed. */
  readonly lines: string[];
}

const HEADER = /^\s*(\+-|[~+-])?\s*(\S+?): \(([\w-]+)\)\s*$/;
const MARKED = /^\s*([~+-])\s+(\S+?)\s*: /;
const URN = /^\s*\[urn=(\S+)\]\s*$/;
const END = /^(Resources|Diagnostics|Outputs|Policies):/;

/** The blocks of every resource `preview --diff` plans to change (`same` ones left out). */
export function changedResources(output: string): ResourceDiff[] {
  const blocks: {
    marker: string;
    op: string;
    type: string;
    name: string;
    changed: string[];
    lines: string[];
  }[] = [];
  let current: (typeof blocks)[number] | undefined;
  for (const line of output.split("\n")) {
    if (END.test(line)) current = undefined;
    const header = HEADER.exec(line);
    if (header) {
      current = {
        marker: header[1] ?? "",
        op: header[3] ?? "",
        type: header[2] ?? "",
        name: "",
        changed: [],
        lines: [],
      };
      blocks.push(current);
      continue;
    }
    if (!current) continue;
    const urn = URN.exec(line);
    if (urn) current.name = urn[1]?.split("::").pop() ?? "";
    const marked = MARKED.exec(line);
    if (marked) {
      current.changed.push(marked[2] ?? "");
      current.lines.push(line.trim());
    }
  }
  return blocks.filter((b) => b.op !== "same");
}

/** A planned step of `preview --json`, the fields a review tool reads. */
export interface PlannedStep {
  readonly op: string;
  readonly urn: string;
  readonly replaceReasons?: string[];
  readonly detailedDiff?: Record<string, { kind: string }> | null;
  readonly oldState?: { readonly inputs?: Record<string, unknown> };
  readonly newState?: { readonly inputs?: Record<string, unknown> };
}

export interface PlannedPreview {
  readonly steps: PlannedStep[];
  readonly changeSummary: Record<string, number>;
}

/**
 * The inputs a step changes, from its old and new states: what a review tool shows when the provider
 * gives no detailed diff (dynamic providers cannot). Engine keys (`__provider`) are left out.
 */
export function changedInputs(step: PlannedStep): string[] {
  const olds = step.oldState?.inputs ?? {};
  const news = step.newState?.inputs ?? {};
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys]
    .filter((k) => !k.startsWith("__") && JSON.stringify(olds[k]) !== JSON.stringify(news[k]))
    .sort();
}

/** `urn:...::<type>::<name>` -> `<name>`. */
export function nameOfUrn(urn: string): string {
  return urn.split("::").pop() ?? "";
}
