import type { ResourceMeta } from "../generated/schema";

/*
 * Property bags as the engine sends them: the value it sends for what is not known yet, the inputs every
 * resource takes besides its schema's, and the defaults check fills in.
 */

/** What the engine sends for a value that is not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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

/** The inputs that change no object, carried from inputs (or old state) into outputs. */
export function recorded(meta: ResourceMeta, props: Props): Props {
  const own = RECORDED_INPUTS.filter((k) => k === "identity" || meta.inputs.includes(k));
  return Object.fromEntries(own.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
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

/** Reads a checked property bag through its generated type (check has validated it). */
export function typed<T>(props: Props): T {
  return props as unknown as T;
}
