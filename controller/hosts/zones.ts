import { nameTaken, stateError } from "../http/errors";
import { listReply, type ListQuery } from "../http/lists";
import { must, newId, taskReply } from "../http/replies";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, listQuery, nameSchema, object, tagsSchema } from "../http/schemas";
import type { Zone } from "../model";
import { inlineOp } from "../tasks/inline";
import { zoneView } from "./views";

export const createZone = inlineOp<Zone>("CREATE_AVAILABILITY_ZONE", (p, z) => p.store.put("zone", z));
export const deleteZone = inlineOp<Record<string, never>>("DELETE_AVAILABILITY_ZONE", (p, _i, id) =>
  p.store.delete("zone", id),
);
export const zoneOperations = [createZone, deleteZone];

export const zoneRoutes: AnyRoute[] = [
  route<Record<string, string>, Record<string, unknown>, { name: string; tags?: string[] }>({
    method: "POST",
    url: "/v1/zones",
    operationId: "createZone",
    summary: "Create an availability zone",
    tag: "zones",
    access: "admin",
    body: object({ name: nameSchema, tags: tagsSchema }, ["name"]),
    handler: (ctx) => {
      if (ctx.p.store.list("zone").some((z) => z.name === ctx.body.name))
        throw nameTaken("zone", ctx.body.name);
      const zone: Zone = {
        id: newId(),
        name: ctx.body.name,
        state: "READY",
        tags: ctx.body.tags ?? [],
        createdTime: Date.now(),
      };
      const task = ctx.p.engine.submit(createZone, {
        entity: { kind: "availability-zone", id: zone.id },
        input: zone,
        tenantId: null,
      });
      return taskReply(ctx, task);
    },
  }),
  route<Record<string, string>, ListQuery>({
    method: "GET",
    url: "/v1/zones",
    operationId: "listZones",
    summary: "Availability zones",
    tag: "zones",
    access: "admin",
    query: listQuery,
    handler: (ctx) =>
      listReply(ctx as RequestContext<unknown, ListQuery, unknown>, () => ctx.p.store.list("zone"), zoneView),
  }),
  route<{ id: string }>({
    method: "GET",
    url: "/v1/zones/:id",
    operationId: "getZone",
    summary: "One availability zone",
    tag: "zones",
    access: "admin",
    params: idParams("id"),
    handler: (ctx) => ({
      status: 200,
      body: zoneView(must(ctx.p.store.get("zone", ctx.params.id), "zone", ctx.params.id, "ZoneNotFound")),
    }),
  }),
  route<{ id: string }>({
    method: "DELETE",
    url: "/v1/zones/:id",
    operationId: "deleteZone",
    summary: "Delete a zone no host uses",
    tag: "zones",
    access: "admin",
    params: idParams("id"),
    handler: (ctx) => {
      const zone = must(ctx.p.store.get("zone", ctx.params.id), "zone", ctx.params.id, "ZoneNotFound");
      const hosts = ctx.p.store.list("host").filter((h) => h.availabilityZone === zone.id).length;
      if (hosts > 0)
        throw stateError(
          "DELETE_AVAILABILITY_ZONE",
          "availability-zone",
          zone.id,
          zone.state,
          `used by ${hosts} host(s)`,
        );
      const task = ctx.p.engine.submit(deleteZone, {
        entity: { kind: "availability-zone", id: zone.id },
        input: {},
        tenantId: null,
      });
      return taskReply(ctx, task);
    },
  }),
];
