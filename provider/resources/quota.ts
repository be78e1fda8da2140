import { type Deadline } from "../client";
import { type Quota } from "../client/types";
import { QUOTA_LIMIT_PROBLEM, quotaKeyProblem, quotaUnitProblem } from "../../rules/quota";
import { QUOTA_ITEM_FIELDS, type QuotaItem } from "../generated/schema";
import { isUnknown } from "./props";
import { ruleFailure, type Failure, strayFields } from "./failures";
import { sameValue } from "./diff";
import { entryPath, isPlainObject } from "./wording";
import type { Context } from "./resourceImpl";

/* check of a quota by the quota rule (rules/quota), one untyped item at a time. */

function checkItem(property: string, key: string, item: unknown): Failure[] {
  if (isUnknown(item)) return [];
  if (!isPlainObject(item)) return [{ property, reason: "must be an object with limit and unit" }];
  const { limit, unit } = item;
  const limitOk = isUnknown(limit) || (typeof limit === "number" && Number.isFinite(limit) && limit >= 0);
  return [
    ...strayFields(property, item, QUOTA_ITEM_FIELDS, "a quota item"),
    ...ruleFailure(`${property}.limit`, limitOk ? undefined : QUOTA_LIMIT_PROBLEM, limit),
    ...ruleFailure(`${property}.unit`, isUnknown(unit) ? undefined : quotaUnitProblem(key, unit), unit),
  ];
}

export function checkQuota(property: string, value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!isPlainObject(value)) return [{ property, reason: "must be a map of quota key to {limit, unit}" }];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = entryPath(property, key);
    return [...ruleFailure(at, quotaKeyProblem(key), key), ...checkItem(at, key, item)];
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
