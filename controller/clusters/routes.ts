import { requireProject } from "../access";
import { stateError } from "../http/errors";
import { loader, taskReply } from "../http/replies";
import { getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute } from "../http/route";
import { idParams, nameSchema, object, stringMap, tagsSchema } from "../http/schemas";
import { CLUSTER_STATES } from "../model";
import { entityTasksRoute } from "../tasks/routes";
import { clusterActionRoutes, submitFor } from "./actions";
import { createCluster } from "./create";
import { maintainCluster } from "./maintenance";
import { resizeCluster } from "./resize";
import { setClusterSettings } from "./settings";
import { loadCluster, saveCluster } from "./store";
import { deleteCluster } from "./teardown";
import { upgradeCluster } from "./upgrade";
import { newCluster, workerCountSchema, type ClusterBody } from "./validate";
import { clusterVms } from "./vms";
import { clusterView, vmView } from "./views";

const loadVm = loader("vm", "VmNotFound");

export const clusterOperations = [
  createCluster,
  resizeCluster,
  maintainCluster,
  upgradeCluster,
  deleteCluster,
  setClusterSettings,
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
    workerCount: workerCountSchema,
    workerBatchExpansionSize: { type: "integer", minimum: 1, maximum: 1000 },
    extendedProperties: stringMap,
    tags: tagsSchema,
  },
  ["name", "type", "workerCount"],
);

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
    handler: (ctx) =>
      taskReply(
        ctx,
        submitFor(
          ctx.p,
          ctx.params.id,
          "DELETE_CLUSTER",
          CLUSTER_STATES,
          deleteCluster,
          {},
          { state: "PENDING_DELETE" },
        ),
      ),
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
  ...clusterActionRoutes,
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
