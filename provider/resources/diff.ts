import type { DiffResult } from "@pulumi/pulumi/dynamic";
import type { ResourceMeta } from "../generated/schema";
import { containsUnknown, INTERNAL_INPUTS, type Props, withDefaults } from "./props";

/* Comparison of inputs and the diff the engine gets. */

/** Compares values ignoring object key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Per-property comparison overrides: set-like lists compare sorted. */
export type Comparators = Readonly<Record<string, (a: unknown, b: unknown) => boolean>>;

export function sameSet(a: unknown, b: unknown): boolean {
  const sorted = (v: unknown) => (Array.isArray(v) ? [...(v as unknown[])].map(String).sort() : v);
  return sameValue(sorted(a), sorted(b));
}

/** Properties whose new input differs from the stored value (unknown new values count as changed). */
export function changedInputs(
  meta: ResourceMeta,
  olds: Props,
  news: Props,
  compare: Comparators = {},
): string[] {
  const withOld = withDefaults(meta, olds);
  const withNew = withDefaults(meta, news);
  return [...meta.inputs, ...INTERNAL_INPUTS].filter((key) => {
    if (containsUnknown(withNew[key])) return true;
    const same = compare[key] ?? sameValue;
    return !same(withOld[key], withNew[key]);
  });
}

/**
 * The diff the engine gets: replaces are the changed inputs the schema marks `willReplaceOnChanges`;
 * every replacement deletes first (names and addresses are unique on the server, and the new object
 * must not find the old one by its identity tag). The identity alone never counts as a change.
 */
export function schemaDiff(
  meta: ResourceMeta,
  olds: Props,
  news: Props,
  compare: Comparators = {},
): DiffResult {
  const changed = changedInputs(meta, olds, news, compare).filter((k) => k !== "identity");
  const replaces = changed.filter((k) => meta.replaceOnChanges.includes(k));
  return {
    changes: changed.length > 0,
    replaces,
    stables: meta.replaceOnChanges.filter((k) => !changed.includes(k)),
    deleteBeforeReplace: replaces.length > 0,
  };
}
