import { ApiError, stateError } from "../http/errors";
import { taskReply } from "../http/replies";
import { route, type AnyRoute } from "../http/route";
import { idParams, object } from "../http/schemas";
import type { HostState } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { evacuateHost } from "../clusters/evacuate";
import * as ops from "./ops";

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

const zoneBody = {
  schema: object({ availabilityZoneId: { type: "string", minLength: 1 } }, ["availabilityZoneId"]),
  check: (p: Platform, b: { availabilityZoneId: string }) => {
    if (!p.store.get("zone", b.availabilityZoneId))
      throw new ApiError(404, "ZoneNotFound", `zone ${b.availabilityZoneId} not found`);
  },
};

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

/** The actions on one host: `POST /v1/infrastructure/hosts/{id}/<action>`. */
export const hostActionRoutes: AnyRoute[] = [
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
];

/** Fault injection only: marks a host failed. */
export const failHostRoute = action(
  "fail",
  "failHost",
  ops.failHost,
  ["READY", "SUSPENDED", "MAINTENANCE"],
  200,
);
