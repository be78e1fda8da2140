import { ApiError, invalidEntity, stateError } from "../http/errors";
import { listReply, type ListQuery } from "../http/lists";
import { newId, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, listQuery, listQueryWith, object, stringMap, tagsSchema } from "../http/schemas";
import type { Host, HostState } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/engine";
import { entityTasksRoute } from "../tasks/routes";
import { evacuateHost } from "../clusters/evacuate";
import { vmView } from "../clusters/views";
import { capacityFromMetadata } from "./capacity";
import * as ops from "./ops";
import { hostView } from "./views";

interface HostBody {
  address: string;
  username: string;
  password: string;
  usageTags?: string[];
  availabilityZone?: string;
  metadata?: Record<string, string>;
  tags?: string[];
}

function createHostHandler(ctx: RequestContext<unknown, unknown, HostBody>) {
  const b = ctx.body;
  const metadata = b.metadata ?? {};
  const cap = capacityFromMetadata(metadata);
  if (!cap.ok) throw invalidEntity(cap.property, "must be a positive integer", cap.value);
  if (b.availabilityZone && !ctx.p.store.get("zone", b.availabilityZone)) {
    throw invalidEntity("availabilityZone", "must be the id of an existing zone", b.availabilityZone);
  }
  const host: Host = {
    id: newId(),
    address: b.address,
    username: b.username,
    password: b.password,
    usageTags: b.usageTags ?? ["CLOUD"],
    ...(b.availabilityZone && { availabilityZone: b.availabilityZone }),
    metadata,
    esxVersion: "6.5.0",
    state: "CREATING",
    capacity: cap.capacity,
    datastoreId: newId(),
    tags: b.tags ?? [],
    createdTime: Date.now(),
  };
  const task = ctx.p.engine.submit(ops.createHost, {
    entity: { kind: "host", id: host.id },
    input: { address: host.address },
    tenantId: null,
    prepare: () => ctx.p.store.put("host", host),
  });
  return taskReply(ctx, task);
}

/** A host action allowed from some states, answering `status` with its Task. */
function action<B>(
  path: string,
  operationId: string,
  def: OperationDef<B>,
  from: HostState[],
  status: number,
  body?: { schema: Record<string, unknown>; check?: (p: Platform, b: B) => void },
): AnyRoute {
  return route<{ id: string }, Record<string, unknown>, B>({
    method: "POST",
    url: `/v1/infrastructure/hosts/:id/${path}`,
    operationId,
    summary: `${def.operation} (from ${from.join(" or ")})`,
    tag: "hosts",
    access: "admin",
    params: idParams("id"),
    ...(body && { body: body.schema }),
    handler: (ctx) => {
      const h = ops.loadHost(ctx.p, ctx.params.id);
      if (!from.includes(h.state)) throw stateError(def.operation, "host", h.id, h.state);
      body?.check?.(ctx.p, ctx.body);
      const input = (ctx.body ?? {}) as B;
      const task = ctx.p.engine.submit(def, { entity: { kind: "host", id: h.id }, input, tenantId: null });
      return taskReply(ctx, task, status);
    },
  });
}

const hostBody = object(
  {
    address: { type: "string", minLength: 1, maxLength: 255, pattern: "^[a-zA-Z0-9][a-zA-Z0-9.:-]*$" },
    username: { type: "string", minLength: 1 },
    password: { type: "string", minLength: 1 },
    usageTags: { type: "array", minItems: 1, items: { type: "string", enum: ["MGMT", "CLOUD", "IMAGE"] } },
    availabilityZone: { type: "string" },
    metadata: stringMap,
    tags: tagsSchema,
  },
  ["address", "username", "password"],
);

const zoneBody = {
  schema: object({ availabilityZoneId: { type: "string", minLength: 1 } }, ["availabilityZoneId"]),
  check: (p: Platform, b: { availabilityZoneId: string }) => {
    if (!p.store.get("zone", b.availabilityZoneId))
      throw new ApiError(404, "ZoneNotFound", `zone ${b.availabilityZoneId} not found`);
  },
};

export function hostRoutes(faults: boolean): AnyRoute[] {
  const routes: AnyRoute[] = [
    route<Record<string, string>, Record<string, unknown>, HostBody>({
      method: "POST",
      url: "/v1/infrastructure/hosts",
      operationId: "createHost",
      summary: "Add and provision a host",
      tag: "hosts",
      access: "admin",
      body: hostBody,
      handler: createHostHandler,
    }),
    listRoute({
      url: "/v1/infrastructure/hosts",
      operationId: "listHosts",
      summary: "Hosts, optionally by state or usage tag",
      tag: "hosts",
      access: "admin",
      query: listQueryWith({ state: { type: "string" }, usageTag: { type: "string" } }),
      items: (ctx, q) =>
        ctx.p.store
          .list("host")
          .filter(
            (h) =>
              (q.state === undefined || h.state === q.state) &&
              (q.usageTag === undefined || h.usageTags.includes(String(q.usageTag))),
          ),
      view: (h, p) => hostView(p, h),
    }),
    getRoute({
      url: "/v1/infrastructure/hosts/:id",
      operationId: "getHost",
      summary: "One host with capacity and usage",
      tag: "hosts",
      access: "admin",
      load: ops.loadHost,
      view: (h, p) => hostView(p, h),
    }),
    deleteRoute({
      url: "/v1/infrastructure/hosts/:id",
      operationId: "deleteHost",
      summary: "Delete a host (from NOT_PROVISIONED, MAINTENANCE or ERROR)",
      tag: "hosts",
      access: "admin",
      load: ops.loadHost,
      refuse: (p, h) => {
        if (!["NOT_PROVISIONED", "MAINTENANCE", "ERROR"].includes(h.state))
          throw stateError("DELETE_HOST", "host", h.id, h.state);
        const pool = p.store.list("storage-pool").find((sp) => sp.hostIds.includes(h.id));
        if (pool) throw invalidEntity("id", `is a member of storage pool ${pool.name}`, h.id);
      },
      operation: ops.deleteHost,
      kind: "host",
      tenantOf: () => null,
    }),
    route<{ id: string }, ListQuery>({
      method: "GET",
      url: "/v1/infrastructure/hosts/:id/vms",
      operationId: "listHostVms",
      summary: "VMs placed on a host",
      tag: "hosts",
      access: "admin",
      params: idParams("id"),
      query: listQuery,
      handler: (ctx) => {
        ops.loadHost(ctx.p, ctx.params.id);
        return listReply(
          ctx as RequestContext<unknown, ListQuery, unknown>,
          () => ops.vmsOnHost(ctx.p, ctx.params.id),
          (vm) => vmView(ctx.p, vm),
        );
      },
    }),
    action("suspend", "suspendHost", ops.suspendHost, ["READY", "SUSPENDED"], 200),
    action("resume", "resumeHost", ops.resumeHost, ["SUSPENDED"], 200),
    action(
      "enter-maintenance",
      "enterHostMaintenance",
      ops.enterMaintenance,
      ["SUSPENDED", "MAINTENANCE"],
      200,
    ),
    action("exit-maintenance", "exitHostMaintenance", ops.exitMaintenance, ["MAINTENANCE"], 200),
    action("provision", "provisionHost", ops.provisionHost, ["NOT_PROVISIONED", "ERROR"], 202),
    action(
      "set_availability_zone",
      "setHostAvailabilityZone",
      ops.setAvailabilityZone,
      ["READY", "SUSPENDED", "MAINTENANCE", "NOT_PROVISIONED", "ERROR"],
      200,
      zoneBody,
    ),
    evacuateRoute(),
    entityTasksRoute("/v1/infrastructure/hosts/:id/tasks", "listHostTasks", "hosts", "admin"),
  ];
  if (faults)
    routes.push(action("fail", "failHost", ops.failHost, ["READY", "SUSPENDED", "MAINTENANCE"], 200));
  return routes;
}

function evacuateRoute(): AnyRoute {
  return route<{ id: string }>({
    method: "POST",
    url: "/v1/infrastructure/hosts/:id/evacuate",
    operationId: "evacuateHost",
    summary: "Recreate the host's cluster VMs on other READY CLOUD hosts (extension)",
    tag: "hosts",
    access: "admin",
    params: idParams("id"),
    handler: (ctx) => {
      const h = ops.loadHost(ctx.p, ctx.params.id);
      if (!["SUSPENDED", "MAINTENANCE", "ERROR"].includes(h.state))
        throw stateError("EVACUATE_HOST", "host", h.id, h.state);
      const clusters = [...new Set(ops.vmsOnHost(ctx.p, h.id).map((vm) => vm.clusterId))];
      const task = ctx.p.engine.submit(evacuateHost, {
        entity: { kind: "host", id: h.id },
        input: { moves: [] },
        tenantId: null,
        locks: [h.id, ...clusters],
      });
      return taskReply(ctx, task, 200);
    },
  });
}

export const hostOperations = [
  ops.createHost,
  ops.provisionHost,
  ops.suspendHost,
  ops.resumeHost,
  ops.enterMaintenance,
  ops.exitMaintenance,
  ops.deleteHost,
  ops.setAvailabilityZone,
  ops.failHost,
  evacuateHost,
];
