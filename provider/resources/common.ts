import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { ResourceMeta } from "../generated/schema";
import { fieldPath, shown } from "./wording";

/** What the engine sends for a value that is not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface Failure {
  readonly property: string;
  readonly reason: string;
}

export type Props = Record<string, unknown>;

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value or anything inside it is unknown: such values are not validated or compared. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** Inputs every resource accepts besides its schema inputs: set by the SDK class. */
export const INTERNAL_INPUTS = ["identity"] as const;

/** Inputs that change no object: recorded in state by an update that makes no API call. */
export const RECORDED_INPUTS: readonly string[] = [
  "adoptId",
  "adoptName",
  "timeouts",
  "forceDestroy",
  "identity",
];

const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/** The server's rule for entity names. */
export function checkName(property: string, value: unknown): Failure[] {
  if (isUnknown(value)) return [];
  // The SDK class always sends a name (the resource's own by default): absent means a broken caller.
  if (value === undefined) return [{ property, reason: "is required" }];
  if (typeof value !== "string") return [{ property, reason: "must be a string" }];
  if (value.length < 1 || value.length > 63)
    return [{ property, reason: `must be 1 to 63 characters long (was ${value.length})` }];
  if (!NAME.test(value)) {
    return [
      {
        property,
        reason: `must start with a letter and hold only letters, digits and dashes (was ${shown(value)})`,
      },
    ];
  }
  return [];
}

/**
 * Fills schema defaults and the name default; drops nothing. A null counts as absent here, as old state
 * may hold one (from the server, or from versions before check refused null); check refuses null in new
 * inputs before defaults are filled (`nullFailures`).
 */
export function withDefaults(meta: ResourceMeta, news: Props, resourceName?: string): Props {
  const out: Props = { ...news };
  for (const [key, value] of Object.entries(meta.defaults)) {
    if (out[key] === undefined || out[key] === null) out[key] = structuredClone(value);
  }
  if (meta.inputs.includes("name") && (out.name === undefined || out.name === null) && resourceName)
    out.name = resourceName;
  return out;
}

/**
 * Null is a value, not an absence: schema.json has no nullable property, so a null input is refused by
 * name instead of being taken for "unset" (and silently replaced by a default). Leaving the property out
 * is how a program says unset. Nested nulls are refused by each field's own type check.
 */
export function nullFailures(meta: ResourceMeta, news: Props): Failure[] {
  const known = [...meta.inputs, ...INTERNAL_INPUTS];
  return Object.keys(news)
    .filter((key) => news[key] === null && known.includes(key))
    .map((key) => ({
      property: key,
      reason: meta.requiredInputs.includes(key)
        ? "is required (null is not a value)"
        : "must not be null (leave the property out instead)",
    }));
}

/** Required inputs, unknown property names (typos) and plain types. */
export function checkShape(meta: ResourceMeta, news: Props): Failure[] {
  const failures: Failure[] = [];
  for (const key of meta.requiredInputs) {
    if (news[key] === undefined || news[key] === "") failures.push({ property: key, reason: "is required" });
  }
  const known = new Set<string>([...meta.inputs, ...INTERNAL_INPUTS]);
  for (const key of Object.keys(news)) {
    if (!known.has(key) && key !== "__provider")
      failures.push({
        property: fieldPath("", key),
        reason: `is not an input of this resource (inputs: ${meta.inputs.join(", ")})`,
      });
  }
  return failures;
}

export function checkType(
  property: string,
  value: unknown,
  type: "string" | "boolean" | "number" | "integer",
): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  // Whole numbers beyond 2^53 are not exact, and NaN or Infinity are no amount of anything.
  if (type === "integer")
    return Number.isSafeInteger(value) ? [] : [{ property, reason: "must be a whole number" }];
  if (type === "number")
    return Number.isFinite(value) ? [] : [{ property, reason: "must be a finite number" }];
  return typeof value === type ? [] : [{ property, reason: `must be a ${type}` }];
}

export function checkStringArray(property: string, value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!Array.isArray(value)) return [{ property, reason: "must be a list of strings" }];
  return value.flatMap((v, i) =>
    typeof v === "string" || isUnknown(v)
      ? []
      : [{ property: `${property}[${i}]`, reason: "must be a string" }],
  );
}

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

/** Thrown by create/update when the object exists but did not become ready: the engine keeps its id. */
export class PartialFailure extends Error {
  constructor(
    readonly id: string,
    readonly properties: Props,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
    this.name = "PartialFailure";
  }
}

/** The tag that marks an object as made for one Pulumi resource. */
export function identityTag(identity: unknown): string | undefined {
  return typeof identity === "string" && identity !== "" && !isUnknown(identity)
    ? `pulumi:${identity}`
    : undefined;
}

/** Reads a checked property bag through its generated type (check has validated it). */
export function typed<T>(props: Props): T {
  return props as unknown as T;
}
