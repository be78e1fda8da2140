import { requireProject } from "../access";
import { ApiError, invalidEntity, stateError } from "../http/errors";
import { loader, taskReply } from "../http/replies";
import { getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, nameSchema, object, stringMap, tagsSchema } from "../http/schemas";
import type { Cluster, ClusterState } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/engine";
import { entityTasksRoute } from "../tasks/routes";
import { createCluster } from "./create";
import { maintainCluster } from "./maintenance";
import { resizeCluster } from "./resize";
import { loadCluster, patchCluster, saveCluster } from "./store";
import { deleteCluster } from "./teardown";
import { upgradeCluster } from "./upgrade";
import { newCluster, type ClusterBody } from "./validate";
import { clusterVms, isNode } from "./vms";
import { clusterView, vmView } from "./views";

const loadVm = loader("vm", "VmNotFound");

export const clusterOperations = [
  createCluster,
  resizeCluster,
  maintainCluster,
  upgradeCluster,
  deleteCluster,
];

const clusterBody = object(
  {
    name: nameSchema,
    type: { type: "string", enum: ["KUBERNETES"] },
    masterVmFlavor: { type: "string" },
    workerVmFlavor: { type: "string" },
    diskFlavor: { type: "string" },
    subnetId: { type: "string" },
    networkId: { type: "string" },
    storagePoolId: { type: "string" },
    imageId: { type: "string" },
    workerCount: { type: "integer", minimum: 0, maximum: 1000 },
    workerBatchExpansionSize: { type: "integer", minimum: 1, maximum: 1000 },
    extendedProperties: stringMap,
    tags: tagsSchema,
  },
  ["name", "type", "workerCount"],
);

/** Submits a cluster operation allowed from some states; `prepare` may set the cluster's new state. */
function submitFor<I>(
  p: Platform,
  id: string,
  op: string,
  from: ClusterState[],
  def: OperationDef<I>,
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
  const totalNodes = clusterVms(ctx.p, c.id).filter(isNode).length;
  const upgradeStatus = {
    newImageId: image.id,
    upgradeMessage: "Upgrade started",
    totalNodes,
    numNodesUpgraded: 0,
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

export const clusterRoutes: AnyRoute[] = [
  route<{ id: string }, Record<string, unknown>, ClusterBody>({
    method: "POST",
    url: "/v1/projects/:id/services",
    operationId: "createCluster",
    summary: "Create a Kubernetes cluster: place master, etcd and worker VMs on READY CLOUD hosts",
    tag: "services",
    access: "user",
    scope: { kind: "project" },
    params: idParams("id"),
    body: clusterBody,
    handler: (ctx) => {
      const project = requireProject(ctx.p, ctx.caller, ctx.params.id);
      const c = newCluster(ctx.p, project, ctx.body);
      const task = ctx.p.engine.submit(createCluster, {
        entity: { kind: "service", id: c.id },
        input: {},
        tenantId: c.tenantId,
        prepare: () => saveCluster(ctx.p, c),
      });
      return taskReply(ctx, task);
    },
  }),
  listRoute({
    url: "/v1/projects/:id/services",
    operationId: "listClusters",
    summary: "Clusters of a project",
    tag: "services",
    access: "user",
    scope: "project",
    items: (ctx) => ctx.p.store.list("service", ctx.params.id),
    view: clusterView,
  }),
  getRoute({
    url: "/v1/services/:id",
    operationId: "getCluster",
    summary: "One cluster",
    tag: "services",
    access: "user",
    scope: "service",
    load: loadCluster,
    view: clusterView,
  }),
  route<{ id: string }>({
    method: "DELETE",
    url: "/v1/services/:id",
    operationId: "deleteCluster",
    summary: "Delete a cluster, its VMs and its Kubernetes control plane",
    tag: "services",
    access: "user",
    scope: { kind: "service" },
    params: idParams("id"),
    handler: (ctx) => {
      const all: ClusterState[] = [
        "CREATING",
        "RESIZING",
        "READY",
        "PENDING_DELETE",
        "RECOVERABLE_ERROR",
        "MAINTENANCE",
        "FATAL_ERROR",
        "UPGRADING",
      ];
      return taskReply(
        ctx,
        submitFor(
          ctx.p,
          ctx.params.id,
          "DELETE_CLUSTER",
          all,
          deleteCluster,
          {},
          { state: "PENDING_DELETE" },
        ),
      );
    },
  }),
  listRoute({
    url: "/v1/services/:id/vms",
    operationId: "listClusterVms",
    summary: "VMs of a cluster, tagged cluster:<id> and cluster:<id>:<role>",
    tag: "services",
    access: "user",
    scope: "service",
    items: (ctx) => clusterVms(ctx.p, ctx.params.id),
    view: (vm, p) => vmView(p, vm),
  }),
  action(
    "resize",
    "resizeCluster",
    "Grow or shrink the workers (shrinking removes cordoned nodes first)",
    object({ newWorkerCount: { type: "integer", minimum: 0, maximum: 1000 } }, ["newWorkerCount"]),
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
  route<{ id: string }>({
    method: "GET",
    url: "/v1/services/:id/kubeconfig",
    operationId: "getClusterKubeconfig",
    summary: "Kubeconfig of the cluster's Kubernetes API (extension)",
    tag: "services",
    access: "user",
    scope: { kind: "service" },
    params: idParams("id"),
    handler: async (ctx) => {
      const c = loadCluster(ctx.p, ctx.params.id);
      const kubeconfig = ["READY", "RESIZING", "MAINTENANCE", "UPGRADING", "RECOVERABLE_ERROR"].includes(
        c.state,
      )
        ? await ctx.p.runtime.kubeconfig(c.id)
        : undefined;
      if (kubeconfig === undefined)
        throw stateError("GET_KUBECONFIG", "service", c.id, c.state, "cluster has no Kubernetes API");
      return { status: 200, body: { kubeconfig } };
    },
  }),
  entityTasksRoute("/v1/services/:id/tasks", "listClusterTasks", "services", "service"),
  getRoute({
    url: "/v1/vms/:id",
    operationId: "getVm",
    summary: "One VM",
    tag: "vms",
    access: "user",
    scope: "vm",
    load: loadVm,
    view: (vm, p) => vmView(p, vm),
  }),
];
