import { canSeeTenant } from "../access";
import { ApiError, nameTaken } from "../http/errors";
import { loader, must, newId, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute } from "../http/route";
import { groupsSchema, idParams, nameSchema, object, quotaSchema, tagsSchema } from "../http/schemas";
import type { QuotaItems, Tenant } from "../model";
import { inlineOp } from "../tasks/inline";
import { entityTasksRoute } from "../tasks/routes";
import type { QuotaLimit } from "../../rules/quota";
import { replaceItems } from "../../rules/quota-usage";
import { refuseQuotaItems, tenantQuotaRoutes } from "./quotas";
import { tenantView } from "./views";

interface TenantBody {
  name: string;
  securityGroups?: string[];
  quota?: { quotaItems: Record<string, QuotaLimit> };
  tags?: string[];
}

export const createTenant = inlineOp<Tenant>("CREATE_TENANT", (p, t) => p.store.put("tenant", t));
export const deleteTenant = inlineOp<Record<string, never>>("DELETE_TENANT", (p, _i, id) =>
  p.store.delete("tenant", id),
);
export const setTenantGroups = inlineOp<{ items: string[] }>("SET_TENANT_SECURITY_GROUPS", (p, input, id) => {
  const t = must(p.store.get("tenant", id), "tenant", id);
  p.store.put("tenant", { ...t, securityGroups: input.items });
});
export const tenantOperations = [createTenant, deleteTenant, setTenantGroups];

/** The quota of a created tenant or project, refused when the quota rules refuse an item. */
export function quotaFromSpec(spec: { quotaItems: Record<string, QuotaLimit> } | undefined): QuotaItems {
  const items = spec?.quotaItems ?? {};
  refuseQuotaItems(items, "quota.quotaItems");
  return replaceItems({}, items);
}

export const tenantRoutes: AnyRoute[] = [
  route<Record<string, string>, Record<string, unknown>, TenantBody>({
    method: "POST",
    url: "/v1/tenants",
    operationId: "createTenant",
    summary: "Create a tenant",
    tag: "tenants",
    access: "admin",
    body: object({ name: nameSchema, securityGroups: groupsSchema, quota: quotaSchema, tags: tagsSchema }, [
      "name",
    ]),
    handler: (ctx) => {
      const b = ctx.body;
      if (ctx.p.store.list("tenant").some((t) => t.name === b.name)) throw nameTaken("tenant", b.name);
      const tenant: Tenant = {
        id: newId(),
        name: b.name,
        securityGroups: b.securityGroups ?? [],
        quota: quotaFromSpec(b.quota),
        tags: b.tags ?? [],
        createdTime: Date.now(),
      };
      const task = ctx.p.engine.submit(createTenant, {
        entity: { kind: "tenant", id: tenant.id },
        input: tenant,
        tenantId: tenant.id,
      });
      return taskReply(ctx, task);
    },
  }),
  listRoute({
    url: "/v1/tenants",
    operationId: "listTenants",
    summary: "Tenants the caller may see",
    tag: "tenants",
    access: "user",
    items: (ctx) => ctx.p.store.list("tenant").filter((t) => canSeeTenant(ctx.caller, t)),
    view: tenantView,
  }),
  getRoute({
    url: "/v1/tenants/:id",
    operationId: "getTenant",
    summary: "One tenant",
    tag: "tenants",
    access: "user",
    scope: "tenant",
    load: loader("tenant"),
    view: tenantView,
  }),
  deleteRoute({
    url: "/v1/tenants/:id",
    operationId: "deleteTenant",
    summary: "Delete a tenant without projects",
    tag: "tenants",
    access: "admin",
    scope: "tenant",
    load: loader("tenant"),
    refuse: (p, t) => {
      if (p.store.list("project", t.id).length > 0) {
        throw new ApiError(400, "ContainerNotEmpty", `tenant ${t.id} still has projects`);
      }
    },
    operation: deleteTenant,
    kind: "tenant",
    tenantOf: (t) => t.id,
  }),
  route<{ id: string }, Record<string, unknown>, { items: string[] }>({
    method: "POST",
    url: "/v1/tenants/:id/set_security_groups",
    operationId: "setTenantSecurityGroups",
    summary: "Replace the tenant's security groups",
    tag: "tenants",
    access: "admin",
    scope: { kind: "tenant" },
    params: idParams("id"),
    body: object({ items: groupsSchema }, ["items"]),
    handler: (ctx) => {
      const id = ctx.params.id;
      const task = ctx.p.engine.submit(setTenantGroups, {
        entity: { kind: "tenant", id },
        input: ctx.body,
        tenantId: id,
      });
      return taskReply(ctx, task);
    },
  }),
  entityTasksRoute("/v1/tenants/:id/tasks", "listTenantTasks", "tenants", "tenant"),
  ...tenantQuotaRoutes,
];
