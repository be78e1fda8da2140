import { visibleTenantIds } from "../access";
import { notFound, type ApiErrorCode } from "../http/errors";
import { listReply, type ListQuery } from "../http/lists";
import { route, type AnyRoute, type RequestContext, type ScopeKind } from "../http/route";
import { idParams, listQuery, listQueryWith } from "../http/schemas";
import type { EntityKind } from "../model";
import { taskView } from "./view";

const taskListQuery = listQueryWith({
  entityId: { type: "string" },
  entityKind: { type: "string" },
  state: { type: "string", enum: ["QUEUED", "STARTED", "COMPLETED", "ERROR"] },
});

function listTasks(ctx: RequestContext<unknown, ListQuery, unknown>, entityId?: string) {
  const tenantIds = visibleTenantIds(ctx.p, ctx.caller);
  return listReply(
    ctx,
    (q) =>
      ctx.p.store.listTasks({
        entityId: entityId ?? (q.entityId as string | undefined),
        entityKind: q.entityKind as string | undefined,
        state: q.state as string | undefined,
        tenantIds,
      }),
    (t) => taskView(t, ctx.baseUrl),
  );
}

/** Infrastructure (admin only): the entity kind the path's id names, and its typed 404 code. */
export interface AdminEntity {
  admin: EntityKind;
  notFound: ApiErrorCode;
}

/**
 * `GET <entity url>/tasks` for one kind of entity: tenant-scoped (the scope answers 404 for a missing
 * entity), or admin only for infrastructure, where the entity is looked up here: a missing parent is
 * 404 on every route, never an empty list.
 */
export function entityTasksRoute(
  url: string,
  operationId: string,
  tag: string,
  scope: ScopeKind | AdminEntity,
): AnyRoute {
  const admin = typeof scope === "string" ? undefined : scope;
  return route<{ id: string }, ListQuery>({
    method: "GET",
    url,
    operationId,
    summary: `Tasks of one ${tag}`,
    tag,
    access: admin ? "admin" : "user",
    ...(typeof scope === "string" && { scope: { kind: scope } }),
    params: idParams("id"),
    query: listQuery,
    handler: (ctx) => {
      if (admin && !ctx.p.store.get(admin.admin, ctx.params.id))
        throw notFound(admin.admin, ctx.params.id, admin.notFound);
      return listTasks(ctx, ctx.params.id);
    },
  });
}

export const taskRoutes: AnyRoute[] = [
  route<{ id: string }>({
    method: "GET",
    url: "/v1/tasks/:id",
    operationId: "getTask",
    summary: "One task",
    tag: "tasks",
    access: "user",
    scope: { kind: "task" },
    params: idParams("id"),
    handler: (ctx) => {
      const task = ctx.p.store.getTask(ctx.params.id);
      if (!task) throw notFound("task", ctx.params.id, "TaskNotFound");
      return { status: 200, body: taskView(task, ctx.baseUrl) };
    },
  }),
  route<Record<string, string>, ListQuery>({
    method: "GET",
    url: "/v1/tasks",
    operationId: "listTasks",
    summary: "Tasks, filtered by entityId, entityKind and state",
    tag: "tasks",
    access: "user",
    query: taskListQuery,
    handler: (ctx) => listTasks(ctx),
  }),
];
