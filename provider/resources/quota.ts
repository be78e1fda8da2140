import { Deadline } from "../client";
import { Quota } from "../client/types";
import { QUOTA_ITEM_FIELDS, QUOTA_UNIT_VALUES, QuotaItem, QuotaUnit } from "../generated/schema";
import { Failure, isUnknown, sameValue } from "./common";
import { bare, entryPath, isPlainObject, shown, strayFields } from "./wording";
import { Context } from "./types";

const KEY = /^[a-z][a-z0-9-]*(\.[A-Za-z0-9_-]+)*$/;
const SIZE_UNITS: readonly QuotaUnit[] = ["GB", "MB", "KB", "B"];

/** The unit family a well-known key needs, or undefined for keys the provider does not know. */
export function unitFamily(key: string): "count" | "size" | undefined {
  if (key === "vm" || key === "vm.cpu" || key === "vm.cost" || key === "sdn.floatingip.size") return "count";
  if (key === "vm.memory" || key.endsWith(".capacity") || key.startsWith("storage.")) return "size";
  return undefined;
}

function checkItem(property: string, key: string, item: unknown): Failure[] {
  if (isUnknown(item)) return [];
  if (!isPlainObject(item)) return [{ property, reason: "must be an object with limit and unit" }];
  const { limit, unit } = item;
  const failures = strayFields(property, item, QUOTA_ITEM_FIELDS, "a quota item");
  if (!isUnknown(limit) && (typeof limit !== "number" || !Number.isFinite(limit) || limit < 0)) {
    failures.push({
      property: `${property}.limit`,
      reason: `must be a number of at least 0 (was ${shown(limit)})`,
    });
  }
  if (isUnknown(unit)) return failures;
  if (!QUOTA_UNIT_VALUES.includes(unit as QuotaUnit)) {
    failures.push({
      property: `${property}.unit`,
      reason: `must be one of ${QUOTA_UNIT_VALUES.join(", ")} (was ${shown(unit)})`,
    });
  } else if (unitFamily(key) === "count" && unit !== "COUNT") {
    failures.push({ property: `${property}.unit`, reason: `must be COUNT for ${key} (was ${bare(unit)})` });
  } else if (unitFamily(key) === "size" && !SIZE_UNITS.includes(unit as QuotaUnit)) {
    failures.push({
      property: `${property}.unit`,
      reason: `must be a size unit (${SIZE_UNITS.join(", ")}) for ${key} (was ${bare(unit)})`,
    });
  }
  return failures;
}

export function checkQuota(property: string, value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!isPlainObject(value)) return [{ property, reason: "must be a map of quota key to {limit, unit}" }];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = entryPath(property, key);
    const keyFailures = KEY.test(key)
      ? []
      : [{ property: at, reason: "is not a quota key (such as vm.cpu or storage.VSAN)" }];
    return [...keyFailures, ...checkItem(at, key, item)];
  });
}

/** The limits of a server quota, as the `quota` input writes them. */
export function quotaLimits(quota: Quota | undefined): Record<string, QuotaItem> {
  const out: Record<string, QuotaItem> = {};
  for (const [key, item] of Object.entries(quota?.quotaItems ?? {}))
    out[key] = { limit: item.limit, unit: item.unit };
  return out;
}

export function quotaUsage(quota: Quota | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, item] of Object.entries(quota?.quotaItems ?? {})) out[key] = item.usage ?? 0;
  return out;
}

export type QuotaPlan =
  | { readonly kind: "none" }
  | { readonly kind: "patch" | "put"; readonly quotaItems: Record<string, QuotaItem> };

/** Changed or added keys are merged (PATCH); a removed key needs the whole quota replaced (PUT). */
export function planQuota(olds: Record<string, QuotaItem>, news: Record<string, QuotaItem>): QuotaPlan {
  if (Object.keys(olds).some((k) => !(k in news))) return { kind: "put", quotaItems: news };
  const changed = Object.fromEntries(Object.entries(news).filter(([k, v]) => !sameValue(olds[k], v)));
  return Object.keys(changed).length === 0 ? { kind: "none" } : { kind: "patch", quotaItems: changed };
}

/** Applies a quota change to `/v1/tenants/{id}` or `/v1/projects/{id}`. */
export async function applyQuota(
  ctx: Context,
  entityPath: string,
  plan: QuotaPlan,
  deadline: Deadline,
): Promise<void> {
  if (plan.kind === "none") return;
  await ctx.client.run(
    {
      method: plan.kind === "put" ? "PUT" : "PATCH",
      path: `${entityPath}/quota`,
      body: { quotaItems: plan.quotaItems },
    },
    deadline,
  );
}
