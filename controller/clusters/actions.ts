import { ApiError, invalidEntity, stateError } from "../http/errors";
import { taskReply } from "../http/replies";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, object } from "../http/schemas";
import type { Cluster, ClusterState } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { maintainCluster } from "./maintenance";
import { resizeCluster } from "./resize";
import { setClusterSettings, settingsBodySchema, settingsPatch, type SettingsBody } from "./settings";
import { loadCluster, patchCluster } from "./store";
import { upgradeCluster } from "./upgrade";
import { workerCountSchema } from "./validate";
import { clusterVms, isNode } from "./vms";

/** Submits a cluster operation allowed from some states; `prepare` may set the cluster's new state. */
export function submitFor<I, R extends object>(
  p: Platform,
  id: string,
  op: string,
  from: readonly ClusterState[],
  def: OperationDef<I, R>,
  input: I,
  patch?: Partial<Cluster>,
) {
  const c = loadCluster(p, id);
  const holder = p.engine.lockHolder(c.id);
  if (!holder && !from.includes(c.state)) throw stateError(op, "service", c.id, c.state);
  return p.engine.submit(def, {
    entity: { kind: "service", id: c.id },
    input,
    tenantId: c.tenantId,
    ...(patch && { prepare: () => patchCluster(p, c.id, patch) }),
  });
}

function action<B>(
  path: string,
  operationId: string,
  summary: string,
  body: Record<string, unknown> | undefined,
  run: (ctx: RequestContext<{ id: string }, unknown, B>) => ReturnType<typeof taskReply>,
): AnyRoute {
  return route<{ id: string }, Record<string, unknown>, B>({
    method: "POST",
    url: `/v1/services/:id/${path}`,
    operationId,
    summary,
    tag: "services",
    access: "user",
    scope: { kind: "service" },
    params: idParams("id"),
    ...(body && { body }),
    handler: run,
  });
}

function resize(ctx: RequestContext<{ id: string }, unknown, { newWorkerCount: number }>) {
  const c = loadCluster(ctx.p, ctx.params.id);
  const input = { newWorkerCount: ctx.body.newWorkerCount, oldWorkerCount: c.workerCount };
  const same = input.newWorkerCount === input.oldWorkerCount;
  return taskReply(
    ctx,
    submitFor(
      ctx.p,
      c.id,
      "RESIZE_CLUSTER",
      ["READY"],
      resizeCluster,
      input,
      same ? undefined : { state: "RESIZING" },
    ),
  );
}

function changeVersion(ctx: RequestContext<{ id: string }, unknown, { newImageId: string }>) {
  const c = loadCluster(ctx.p, ctx.params.id);
  const image = ctx.p.store.get("image", ctx.body.newImageId);
  if (!image) throw new ApiError(404, "ImageNotFound", `image ${ctx.body.newImageId} not found`);
  if (image.id === c.imageId) throw invalidEntity("newImageId", "is already the cluster's image", image.id);
  // Replacements kept by an upgrade that stopped at a drain are not counted twice, and the nodes that
  // upgrade already moved count as upgraded: the status of a resumed upgrade still ends at totalNodes.
  const nodes = clusterVms(ctx.p, c.id).filter((vm) => isNode(vm) && !vm.replacesVmId);
  const upgradeStatus = {
    newImageId: image.id,
    upgradeMessage: "Upgrade started",
    totalNodes: nodes.length,
    numNodesUpgraded: nodes.filter((vm) => vm.kubernetesVersion === image.kubernetesVersion).length,
    upgradeResultMessage: "",
  };
  const patch = { state: "UPGRADING" as const, upgradeStatus };
  return taskReply(
    ctx,
    submitFor(
      ctx.p,
      c.id,
      "UPGRADE_CLUSTER",
      ["READY", "RECOVERABLE_ERROR"],
      upgradeCluster,
      { newImageId: image.id },
      patch,
    ),
  );
}

/** Settings of later operations (extension, decision 0108): checked against what the cluster keeps. */
function setSettings(ctx: RequestContext<{ id: string }, unknown, SettingsBody>) {
  const c = loadCluster(ctx.p, ctx.params.id);
  const input = { extendedProperties: settingsPatch(c, ctx.body) };
  const from: ClusterState[] = ["READY", "RECOVERABLE_ERROR"];
  return taskReply(ctx, submitFor(ctx.p, c.id, "SET_CLUSTER_SETTINGS", from, setClusterSettings, input));
}

/** The actions on one cluster: `POST /v1/services/{id}/<action>`. */
export const clusterActionRoutes: AnyRoute[] = [
  action(
    "resize",
    "resizeCluster",
    "Grow or shrink the workers (shrinking removes cordoned nodes first)",
    object({ newWorkerCount: workerCountSchema }, ["newWorkerCount"]),
    resize,
  ),
  action("trigger_maintenance", "triggerClusterMaintenance", "Replace lost workers now", undefined, (ctx) =>
    taskReply(
      ctx,
      submitFor(
        ctx.p,
        ctx.params.id,
        "TRIGGER_CLUSTER_MAINTENANCE",
        ["READY", "RECOVERABLE_ERROR", "MAINTENANCE"],
        maintainCluster,
        {},
        { state: "MAINTENANCE" },
      ),
    ),
  ),
  action(
    "change_version",
    "changeClusterVersion",
    "Rolling upgrade to the image's Kubernetes version",
    object({ newImageId: { type: "string" } }, ["newImageId"]),
    changeVersion,
  ),
  action(
    "set_settings",
    "setClusterSettings",
    "Change maxSurge, maxUnavailable or drainTimeout of the cluster's next upgrades and drains (extension)",
    settingsBodySchema,
    setSettings,
  ),
];
