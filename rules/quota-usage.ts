/**
 * Quota usage: reserving and releasing costs against quota items, and the changes a request makes to
 * them. Pure and property-tested; the controller keeps the items, the rules say what they become.
 */
import { convert, type QuotaLimit, type QuotaUnit } from "./quota";
import type { Problem } from "./wording";

export interface QuotaItem {
  limit: number;
  usage: number;
  unit: QuotaUnit;
}
export type QuotaItems = Record<string, QuotaItem>;

/** What an object costs against one quota key. */
export interface Cost {
  key: string;
  value: number;
  unit: QuotaUnit;
}

export type Reservation = { ok: true; items: QuotaItems } | { ok: false; message: string };

/** Sizes converted between units are not exact: a limit reached through conversions still holds. */
const EPSILON = 1e-9;

/**
 * Adds costs to the usage of the quota items they name; keys without a quota item are unlimited.
 * Fails, changing nothing, when one item would go over its limit or the units do not match.
 */
export function reserve(items: QuotaItems, costs: readonly Cost[]): Reservation {
  const next: QuotaItems = structuredClone(items);
  for (const cost of costs) {
    const item = next[cost.key];
    if (!item) continue;
    const add = convert(cost.value, cost.unit, item.unit);
    if (add === undefined) {
      return {
        ok: false,
        message: `Quota item ${cost.key} is in ${item.unit} but the cost is in ${cost.unit}`,
      };
    }
    const desired = item.usage + add;
    if (desired > item.limit + EPSILON) {
      return {
        ok: false,
        message: `Not enough quota for ${cost.key}: limit ${item.limit} ${item.unit}, desired usage ${round(desired)} ${item.unit}`,
      };
    }
    item.usage = desired;
  }
  return { ok: true, items: next };
}

/** Gives costs back; usage never goes below zero. */
export function release(items: QuotaItems, costs: readonly Cost[]): QuotaItems {
  const next: QuotaItems = structuredClone(items);
  for (const cost of costs) {
    const item = next[cost.key];
    const sub = item && convert(cost.value, cost.unit, item.unit);
    if (item && sub !== undefined) item.usage = Math.max(0, round(item.usage - sub));
  }
  return next;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** PUT: the spec replaces all items; usage of keys that stay is kept (converted to the new unit). */
export function replaceItems(current: QuotaItems, spec: Readonly<Record<string, QuotaLimit>>): QuotaItems {
  const next: QuotaItems = {};
  for (const [key, s] of Object.entries(spec))
    next[key] = { limit: s.limit, unit: s.unit, usage: carried(current, key, s.unit) };
  return next;
}

/** PATCH: the spec's items are set, the others stay. */
export function mergeItems(current: QuotaItems, spec: Readonly<Record<string, QuotaLimit>>): QuotaItems {
  return { ...structuredClone(current), ...replaceItems(current, spec) };
}

export function removeItems(current: QuotaItems, keys: readonly string[]): QuotaItems {
  const next = structuredClone(current);
  for (const k of keys) delete next[k];
  return next;
}

function carried(current: QuotaItems, key: string, unit: QuotaUnit): number {
  const old = current[key];
  return old ? round(convert(old.usage, old.unit, unit) ?? 0) : 0;
}

/** The first item whose limit is below its usage: a quota cannot be lowered under what is in use. */
export function limitBelowUsageProblem(items: QuotaItems, base = "quotaItems"): Problem | undefined {
  for (const [key, item] of Object.entries(items)) {
    if (item.limit + EPSILON < item.usage) {
      return {
        property: `${base}.${key}.limit`,
        problem: `must not be below usage ${item.usage}`,
        value: item.limit,
      };
    }
  }
  return undefined;
}

/** Adds up cost lists, merging items with the same key and unit. */
export function sumCosts(lists: readonly Cost[][]): Cost[] {
  const out = new Map<string, Cost>();
  for (const cost of lists.flat()) {
    const k = `${cost.key}|${cost.unit}`;
    const prev = out.get(k);
    out.set(k, { ...cost, value: round((prev?.value ?? 0) + cost.value) });
  }
  return [...out.values()];
}
