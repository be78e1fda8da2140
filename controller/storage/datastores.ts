import { loader } from "../http/replies";
import { getRoute, listRoute } from "../http/resource";
import type { AnyRoute } from "../http/route";
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
  listRoute({
    url: "/v1/infrastructure/datastores",
    operationId: "listDatastores",
    summary: "Datastores discovered from hosts and storage pools",
    tag: "datastores",
    access: "admin",
    items: (ctx) => ctx.p.store.list("datastore"),
    view: datastoreView,
  }),
  getRoute({
    url: "/v1/infrastructure/datastores/:id",
    operationId: "getDatastore",
    summary: "One datastore",
    tag: "datastores",
    access: "admin",
    load: loader("datastore", "DatastoreNotFound"),
    view: datastoreView,
  }),
];
