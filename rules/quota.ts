/**
 * Quota items as a request writes them (`key: {limit, unit}`): the units, which keys take which unit,
 * the limit, one rule for the provider's `check` and the controller. Usage arithmetic is in quota-usage.
 */
import { atLeastProblem, oneOfProblem, type Problem } from "./wording";

export const QUOTA_UNITS = ["GB", "MB", "KB", "B", "COUNT"] as const;
export type QuotaUnit = (typeof QUOTA_UNITS)[number];
export const SIZE_UNITS = ["GB", "MB", "KB", "B"] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

const BYTES: Readonly<Record<SizeUnit, number>> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** value in `from` expressed in `to`; undefined when one is COUNT and the other a size. */
export function convert(value: number, from: QuotaUnit, to: QuotaUnit): number | undefined {
  if (from === to) return value;
  if (from === "COUNT" || to === "COUNT") return undefined;
  return (value * BYTES[from]) / BYTES[to];
}

/** A limit as a request writes it. */
export interface QuotaLimit {
  readonly limit: number;
  readonly unit: QuotaUnit;
}

/** Dotted lower-case words (`vm.cpu`, `ephemeral-disk.capacity`); the last parts may name a thing (`storage.VSAN`). */
export const QUOTA_KEY_PATTERN = "^[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)*$";
/** Completes "<entry> ..." for a key that is no quota key. */
export const QUOTA_KEY_PROBLEM = "is not a quota key such as vm.cpu or storage.VSAN";
/** Completes "<entry>.limit ..." for a limit that is not a number of at least 0. */
export const QUOTA_LIMIT_PROBLEM = atLeastProblem(0, false);

const QUOTA_KEY = new RegExp(QUOTA_KEY_PATTERN);

export function quotaKeyProblem(key: string): string | undefined {
  return QUOTA_KEY.test(key) ? undefined : QUOTA_KEY_PROBLEM;
}

export function quotaLimitProblem(limit: number): string | undefined {
  return Number.isFinite(limit) && limit >= 0 ? undefined : QUOTA_LIMIT_PROBLEM;
}

/** The unit family a well-known key needs, or undefined for keys that take either. */
export function unitFamily(key: string): "count" | "size" | undefined {
  if (key === "vm" || key === "vm.cpu" || key === "vm.cost" || key === "sdn.floatingip.size") return "count";
  if (key === "vm.memory" || key.endsWith(".capacity") || key.startsWith("storage.")) return "size";
  return undefined;
}

/** The problem with the unit of a key's item: not a unit, or a count where a size belongs (and back). */
export function quotaUnitProblem(key: string, unit: unknown): string | undefined {
  if (typeof unit !== "string" || !(QUOTA_UNITS as readonly string[]).includes(unit))
    return oneOfProblem(QUOTA_UNITS);
  const family = unitFamily(key);
  if (family === "count" && unit !== "COUNT") return `must be COUNT for ${key}`;
  if (family === "size" && unit === "COUNT")
    return `must be a size unit (${SIZE_UNITS.join(", ")}) for ${key}`;
  return undefined;
}

/**
 * The first problem of the items of a request, in the server's dotted property style
 * (`quota.quotaItems.vm.cpu.unit`); `base` is the property of the map.
 */
export function quotaItemsProblem(
  items: Readonly<Record<string, QuotaLimit>>,
  base: string,
): Problem | undefined {
  for (const [key, item] of Object.entries(items)) {
    const keyProblem = quotaKeyProblem(key);
    if (keyProblem) return { property: `${base}.${key}`, problem: keyProblem, value: key };
    const limitProblem = quotaLimitProblem(item.limit);
    if (limitProblem) return { property: `${base}.${key}.limit`, problem: limitProblem, value: item.limit };
    const unitProblem = quotaUnitProblem(key, item.unit);
    if (unitProblem) return { property: `${base}.${key}.unit`, problem: unitProblem, value: item.unit };
  }
  return undefined;
}
