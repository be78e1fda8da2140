import { CAPACITY_VALUE_PROBLEM } from "../../rules/capacity";
import { hostAddressProblem } from "../../rules/ip";
import { invalidEntity, stateError } from "../http/errors";
import { listReply, type ListQuery } from "../http/lists";
import { newId, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, listQuery, listQueryWith, object, stringMap, tagsSchema } from "../http/schemas";
import type { Host } from "../model";
import { entityTasksRoute } from "../tasks/routes";
import { evacuateHost } from "../clusters/evacuate";
import { vmView } from "../clusters/views";
import { failHostRoute, hostActionRoutes } from "./actions";
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
  const addressProblem = hostAddressProblem(b.address);
  if (addressProblem) throw invalidEntity("address", addressProblem, b.address);
  const metadata = b.metadata ?? {};
  const cap = capacityFromMetadata(metadata);
  if (!cap.ok) throw invalidEntity(cap.property, CAPACITY_VALUE_PROBLEM, cap.value);
  if (b.availabilityZone && !ctx.p.store.get("zone", b.availabilityZone)) {
    throw invalidEntity("availabilityZone", "must be the id of an existing zone", b.availabilityZone);
  }
  const id = newId();
  const host: Host = {
    id,
    address: b.address,
    username: b.username,
    sealedPassword: ctx.p.secrets.seal(b.password, id),
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

const hostBody = object(
  {
    address: { type: "string", minLength: 1, maxLength: 253 },
    username: { type: "string", minLength: 1 },
    password: { type: "string", minLength: 1 },
    usageTags: { type: "array", minItems: 1, items: { type: "string", enum: ["MGMT", "CLOUD", "IMAGE"] } },
    availabilityZone: { type: "string" },
    metadata: stringMap,
    tags: tagsSchema,
  },
  ["address", "username", "password"],
);

const hostResourceRoutes: AnyRoute[] = [
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
  // Not listRoute: an unknown host is answered 404 before the page query is looked at.
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
        ctx,
        () => ops.vmsOnHost(ctx.p, ctx.params.id),
        (vm) => vmView(ctx.p, vm),
        "/v1/vms",
      );
    },
  }),
];

/** Every host route; the fault-only `fail` action is last, present only when faults are on. */
export function hostRoutes(faults: boolean): AnyRoute[] {
  const routes = [
    ...hostResourceRoutes,
    ...hostActionRoutes,
    entityTasksRoute("/v1/infrastructure/hosts/:id/tasks", "listHostTasks", "hosts", {
      admin: "host",
      notFound: "HostNotFound",
    }),
  ];
  return faults ? [...routes, failHostRoute] : routes;
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
