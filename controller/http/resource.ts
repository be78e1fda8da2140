import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { entityCollection, entityResponse, itemCollection, pageResponse, withSelfLink } from "./links";
import { listReply, type ListQuery } from "./lists";
import { taskReply } from "./replies";
import {
  route,
  type Access,
  type AnyRoute,
  type JsonSchema,
  type RequestContext,
  type ScopeKind,
} from "./route";
import { idParams, listQuery } from "./schemas";

/**
 * Route factories for the shapes every resource repeats (list, get, delete). They return plain route
 * definitions, so routes stay data; an `:id` in the url brings its params schema.
 */
export interface RouteHead {
  url: string;
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  /** Tenant isolation on the path's `id` (see RouteDef.scope). */
  scope?: ScopeKind;
}

type IdContext = RequestContext<{ id: string }, ListQuery, unknown>;

function head(method: "GET" | "DELETE", h: RouteHead) {
  return {
    method,
    url: h.url,
    operationId: h.operationId,
    summary: h.summary,
    tag: h.tag,
    access: h.access,
    ...(h.scope && { scope: { kind: h.scope } }),
    ...(h.url.includes(":id") && { params: idParams("id") }),
  };
}

/** `GET` of a collection: `items` for the (first page's) query, paged and filtered by name and tags. */
export function listRoute<T>(
  def: RouteHead & {
    query?: JsonSchema;
    items: (ctx: IdContext, q: ListQuery) => T[];
    view: (item: T, p: Platform) => unknown;
  },
): AnyRoute {
  return route<{ id: string }, ListQuery>({
    ...head("GET", def),
    query: def.query ?? listQuery,
    response: pageResponse,
    handler: (ctx) =>
      listReply(
        ctx,
        (q) => def.items(ctx, q),
        (item) => def.view(item, ctx.p),
        itemCollection(def.url),
      ),
  });
}

/** `GET` of one entity by its id; `load` answers the entity's typed 404. */
export function getRoute<T>(
  def: RouteHead & { load: (p: Platform, id: string) => T; view: (item: T, p: Platform) => unknown },
): AnyRoute {
  const collection = entityCollection(def.url);
  return route<{ id: string }>({
    ...head("GET", def),
    ...(collection && { response: entityResponse }),
    handler: (ctx) => {
      const body = def.view(def.load(ctx.p, ctx.params.id), ctx.p);
      return { status: 200, body: collection ? withSelfLink(body, ctx.baseUrl, collection) : body };
    },
  });
}

/**
 * `DELETE` of one entity by its id: load it, let `refuse` throw when it may not go, then submit the
 * delete operation on it (task entity `kind`, owned by `tenantOf`) and answer the Task.
 */
export function deleteRoute<T extends { id: string }>(
  def: RouteHead & {
    load: (p: Platform, id: string) => T;
    refuse?: (p: Platform, entity: T) => void;
    operation: OperationDef<Record<string, never>>;
    kind: string;
    tenantOf: (entity: T) => string | null;
  },
): AnyRoute {
  return route<{ id: string }>({
    ...head("DELETE", def),
    handler: (ctx) => {
      const entity = def.load(ctx.p, ctx.params.id);
      def.refuse?.(ctx.p, entity);
      const task = ctx.p.engine.submit(def.operation, {
        entity: { kind: def.kind, id: entity.id },
        input: {},
        tenantId: def.tenantOf(entity),
      });
      return taskReply(ctx, task);
    },
  });
}
