import { listReply, type ListQuery } from "../http/lists";
import { must } from "../http/replies";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, listQuery } from "../http/schemas";
import type { Datastore } from "../model";

export function datastoreView(d: Datastore) {
  return {
    id: d.id,
    kind: "datastore",
    name: d.name,
    type: d.type,
    tags: d.tags,
    hostIds: d.hostIds,
    storagePoolId: d.storagePoolId ?? null,
  };
}

export const datastoreRoutes: AnyRoute[] = [
  route<Record<string, string>, ListQuery>({
    method: "GET",
    url: "/v1/infrastructure/datastores",
    operationId: "listDatastores",
    summary: "Datastores discovered from hosts and storage pools",
    tag: "datastores",
    access: "admin",
    query: listQuery,
    handler: (ctx) =>
      listReply(
        ctx as RequestContext<unknown, ListQuery, unknown>,
        () => ctx.p.store.list("datastore"),
        datastoreView,
      ),
  }),
  route<{ id: string }>({
    method: "GET",
    url: "/v1/infrastructure/datastores/:id",
    operationId: "getDatastore",
    summary: "One datastore",
    tag: "datastores",
    access: "admin",
    params: idParams("id"),
    handler: (ctx) => ({
      status: 200,
      body: datastoreView(
        must(ctx.p.store.get("datastore", ctx.params.id), "datastore", ctx.params.id, "DatastoreNotFound"),
      ),
    }),
  }),
];
