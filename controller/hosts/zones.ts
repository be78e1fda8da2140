import { nameTaken, stateError } from "../http/errors";
import { loader, newId, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute } from "../http/route";
import { nameSchema, object, tagsSchema } from "../http/schemas";
import type { Zone } from "../model";
import { inlineOp } from "../tasks/inline";
import { zoneView } from "./views";

export const createZone = inlineOp<Zone>("CREATE_AVAILABILITY_ZONE", (p, z) => p.store.put("zone", z));
export const deleteZone = inlineOp<Record<string, never>>("DELETE_AVAILABILITY_ZONE", (p, _i, id) =>
  p.store.delete("zone", id),
);
export const zoneOperations = [createZone, deleteZone];

const loadZone = loader("zone", "ZoneNotFound");

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
  listRoute({
    url: "/v1/zones",
    operationId: "listZones",
    summary: "Availability zones",
    tag: "zones",
    access: "admin",
    items: (ctx) => ctx.p.store.list("zone"),
    view: zoneView,
  }),
  getRoute({
    url: "/v1/zones/:id",
    operationId: "getZone",
    summary: "One availability zone",
    tag: "zones",
    access: "admin",
    load: loadZone,
    view: zoneView,
  }),
  deleteRoute({
    url: "/v1/zones/:id",
    operationId: "deleteZone",
    summary: "Delete a zone no host uses",
    tag: "zones",
    access: "admin",
    load: loadZone,
    refuse: (p, zone) => {
      const hosts = p.store.list("host").filter((h) => h.availabilityZone === zone.id).length;
      if (hosts > 0)
        throw stateError(
          "DELETE_AVAILABILITY_ZONE",
          "availability-zone",
          zone.id,
          zone.state,
          `used by ${hosts} host(s)`,
        );
    },
    operation: deleteZone,
    kind: "availability-zone",
    tenantOf: () => null,
  }),
];
