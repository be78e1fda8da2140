import { ApiError, invalidEntity } from "../http/errors";
import { must, taskReply } from "../http/replies";
import { getRoute } from "../http/resource";
import { route, type AnyRoute } from "../http/route";
import { idParams, quotaItemSchema, quotaWriteBody } from "../http/schemas";
import type { QuotaItems } from "../model";
import type { Platform } from "../platform";
import { inlineOp } from "../tasks/inline";
import { quotaItemsProblem, quotaKeyProblem, type QuotaLimit } from "../../rules/quota";
import type { Problem } from "../../rules/wording";
import {
  limitBelowUsageProblem,
  mergeItems,
  removeItems,
  replaceItems,
  reserve,
  release,
} from "../../rules/quota-usage";
import type { Cost } from "../model";

type Owner = "tenant" | "project";
interface QuotaInput {
  owner: Owner;
  quotaItems: QuotaItems;
}

function loadQuota(p: Platform, owner: Owner, id: string): QuotaItems {
  const e = owner === "tenant" ? p.store.get("tenant", id) : p.store.get("project", id);
  return must(e, owner, id, owner === "tenant" ? "TenantNotFound" : "ProjectNotFound").quota;
}

function saveQuota(p: Platform, owner: Owner, id: string, quota: QuotaItems): void {
  if (owner === "tenant") {
    const t = must(p.store.get("tenant", id), "tenant", id);
    p.store.put("tenant", { ...t, quota });
  } else {
    const pr = must(p.store.get("project", id), "project", id);
    p.store.put("project", { ...pr, quota }, pr.tenantId);
  }
}

export const updateQuota = inlineOp<QuotaInput>("UPDATE_QUOTA", (p, input, id) =>
  saveQuota(p, input.owner, id, input.quotaItems),
);

/**
 * Reserves costs against a project's quota and its tenant's quota (QuotaError when either is exceeded).
 * Call inside a transaction; `release` with the same costs gives them back.
 */
export function reserveQuota(p: Platform, projectId: string, costs: Cost[]): void {
  const project = must(p.store.get("project", projectId), "project", projectId);
  const tenant = must(p.store.get("tenant", project.tenantId), "tenant", project.tenantId);
  for (const [owner, id, items] of [
    ["project", project.id, project.quota],
    ["tenant", tenant.id, tenant.quota],
  ] as const) {
    const result = reserve(items, costs);
    if (!result.ok) throw new ApiError(400, "QuotaError", `${result.message} (${owner} ${id})`);
    saveQuota(p, owner, id, result.items);
  }
}

export function releaseQuota(p: Platform, projectId: string, costs: Cost[]): void {
  const project = p.store.get("project", projectId);
  if (!project) return;
  saveQuota(p, "project", project.id, release(project.quota, costs));
  const tenant = p.store.get("tenant", project.tenantId);
  if (tenant) saveQuota(p, "tenant", tenant.id, release(tenant.quota, costs));
}

/** Refuses the items of a request that the quota rules refuse; `base` is the property of the map. */
export function refuseQuotaItems(items: Readonly<Record<string, QuotaLimit>>, base: string): void {
  const problem = quotaItemsProblem(items, base);
  if (problem) throw invalidEntity(problem.property, problem.problem, problem.value);
}

type Change = "PUT" | "PATCH" | "DELETE";

function changed(current: QuotaItems, change: Change, spec: Record<string, QuotaLimit>): QuotaItems {
  if (change === "PUT") return replaceItems(current, spec);
  if (change === "PATCH") return mergeItems(current, spec);
  return removeItems(current, Object.keys(spec));
}

/** Where an owner's quota routes live: `<base>/:id/quota`, under `tag`. */
interface QuotaPlace {
  owner: Owner;
  base: string;
  tag: string;
}

function capitalized(owner: Owner): string {
  return owner === "tenant" ? "Tenant" : "Project";
}

/**
 * The items of a quota write, in either form a client sends: wrapped (`{"quotaItems": {...}}`) or the
 * bare map the Photon clients sent (`{"vm.memory": {...}}`). `quotaItems` is no quota key (keys are
 * lower-case), so the two cannot be confused; both at once are refused rather than guessed. `base` is
 * the property that names an item in error messages ("quotaItems" or nothing).
 */
export function quotaItemsOfBody(body: Record<string, unknown>): {
  items: Record<string, QuotaLimit>;
  base: string;
} {
  if (!("quotaItems" in body)) return { items: body as Record<string, QuotaLimit>, base: "" };
  const beside = Object.keys(body).find((k) => k !== "quotaItems");
  if (beside !== undefined)
    throw invalidEntity(beside, "may not be sent beside quotaItems (send the items bare or wrapped)", beside);
  return { items: body["quotaItems"] as Record<string, QuotaLimit>, base: "quotaItems" };
}

/** A problem's property with the `quotaItems.` prefix removed for a bare body. */
function refuse(problem: Problem | undefined, base: string): void {
  if (!problem) return;
  const property = base === "" ? problem.property.replace(/^quotaItems\./, "") : problem.property;
  throw invalidEntity(property, problem.problem, problem.value);
}

/** PUT, PATCH or DELETE of quota items: tenant quotas are the admin's, project quotas the users'. */
function quotaWriteRoute({ owner, base, tag }: QuotaPlace, method: Change, summary: string): AnyRoute {
  return route<{ id: string }, Record<string, unknown>, Record<string, unknown>>({
    method,
    url: `${base}/:id/quota`,
    operationId: `${method.toLowerCase()}${capitalized(owner)}Quota`,
    summary,
    tag,
    access: owner === "tenant" ? "admin" : "user",
    scope: { kind: owner },
    params: idParams("id"),
    // DELETE names keys: an item's fields are declared but none is needed (`{"vm": {}}`).
    body: quotaWriteBody(quotaItemSchema(method !== "DELETE")),
    handler: (ctx) => {
      const body = quotaItemsOfBody(ctx.body);
      refuse(
        method === "DELETE" ? keyNamesProblem(body.items) : quotaItemsProblem(body.items, "quotaItems"),
        body.base,
      );
      const next = changed(loadQuota(ctx.p, owner, ctx.params.id), method, body.items);
      refuse(limitBelowUsageProblem(next), body.base);
      const tenantId =
        owner === "tenant" ? ctx.params.id : (ctx.p.store.get("project", ctx.params.id)?.tenantId ?? null);
      const task = ctx.p.engine.submit(updateQuota, {
        entity: { kind: owner, id: ctx.params.id },
        input: { owner, quotaItems: next },
        tenantId,
      });
      return taskReply(ctx, task);
    },
  });
}

/** The first key of a DELETE that is no quota key (its items need no limit or unit). */
function keyNamesProblem(items: Record<string, unknown>): Problem | undefined {
  for (const key of Object.keys(items)) {
    const problem = quotaKeyProblem(key);
    if (problem) return { property: `quotaItems.${key}`, problem, value: key };
  }
  return undefined;
}

function quotaRoutes(place: QuotaPlace): AnyRoute[] {
  const { owner, base, tag } = place;
  return [
    getRoute({
      url: `${base}/:id/quota`,
      operationId: `get${capitalized(owner)}Quota`,
      summary: `The ${owner}'s quota items with limits and usage`,
      tag,
      access: "user",
      scope: owner,
      load: (p, id) => loadQuota(p, owner, id),
      view: (quotaItems) => ({ quotaItems }),
    }),
    quotaWriteRoute(place, "PUT", "Replace all quota items (usage of kept keys is carried over)"),
    quotaWriteRoute(place, "PATCH", "Set the given quota items, keep the others"),
    quotaWriteRoute(place, "DELETE", "Remove the given quota keys"),
  ];
}

export const tenantQuotaRoutes = quotaRoutes({ owner: "tenant", base: "/v1/tenants", tag: "tenants" });
export const projectQuotaRoutes = quotaRoutes({ owner: "project", base: "/v1/projects", tag: "projects" });
