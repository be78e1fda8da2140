import { ApiError, invalidEntity, nameTaken } from "../http/errors";
import { loader, must, newId, taskReply } from "../http/replies";
import { getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import {
  cidrSchema,
  groupsSchema,
  idParams,
  nameSchema,
  object,
  quotaSchema,
  tagsSchema,
} from "../http/schemas";
import type { Project } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { inlineOp } from "../tasks/inline";
import { entityTasksRoute } from "../tasks/routes";
import { parseCidr } from "../../rules/cidr";
import type { QuotaLimit } from "../../rules/quota";
import { destroyClusterInRuntime, releaseCluster } from "../clusters/teardown";
import { deleteNetworkNow } from "../networks/teardown";
import { deleteDiskNow } from "../storage/teardown";
import { projectQuotaRoutes } from "./quotas";
import { quotaFromSpec } from "./routes";
import { projectView } from "./views";

interface ProjectBody {
  name: string;
  quota?: { quotaItems: Record<string, QuotaLimit> };
  securityGroups?: string[];
  defaultRouterPrivateIpCidr?: string;
  tags?: string[];
}

const loadProject = loader("project");

export const createProject = inlineOp<Project>("CREATE_PROJECT", (p, pr) =>
  p.store.put("project", pr, pr.tenantId),
);
export const setProjectGroups = inlineOp<{ items: string[] }>(
  "SET_PROJECT_SECURITY_GROUPS",
  (p, input, id) => {
    const pr = must(p.store.get("project", id), "project", id);
    p.store.put("project", { ...pr, securityGroups: input.items }, pr.tenantId);
  },
);

/** Deletes a project; with force, first its clusters, disks and networks (asynchronous, resumable). */
export const deleteProject: OperationDef<{ force: boolean }> = {
  operation: "DELETE_PROJECT",
  steps: () => [
    {
      name: "DELETE_CLUSTERS",
      async: true,
      run: async ({ p, entityId }) => {
        for (const c of p.store.list("service", entityId)) {
          await destroyClusterInRuntime(p, c.id);
          p.store.tx(() => releaseCluster(p, c.id));
        }
      },
    },
    {
      name: "DELETE_DISKS_AND_NETWORKS",
      run: ({ p, entityId }) => {
        for (const d of p.store.list("disk", entityId)) deleteDiskNow(p, d.id);
        for (const n of p.store.list("network", entityId)) deleteNetworkNow(p, n.id);
      },
    },
    { name: "DELETE_PROJECT", run: ({ p, entityId }) => p.store.delete("project", entityId) },
  ],
};
export const projectOperations = [createProject, setProjectGroups, deleteProject];

function contents(p: Platform, projectId: string): string | undefined {
  const clusters = p.store.list("service", projectId).length;
  const networks = p.store.list("network", projectId).length;
  const disks = p.store.list("disk", projectId).length;
  if (clusters + networks + disks === 0) return undefined;
  return `${clusters} cluster(s), ${networks} network(s), ${disks} disk(s)`;
}

function create(ctx: RequestContext<{ id: string }, unknown, ProjectBody>) {
  const b = ctx.body;
  const tenantId = ctx.params.id;
  if (ctx.p.store.list("project", tenantId).some((pr) => pr.name === b.name))
    throw nameTaken("project", b.name);
  const range = b.defaultRouterPrivateIpCidr ?? "10.0.0.0/8";
  const parsed = parseCidr(range);
  if (!parsed.ok) throw invalidEntity("defaultRouterPrivateIpCidr", parsed.problem, range);
  const project: Project = {
    id: newId(),
    name: b.name,
    tenantId,
    securityGroups: b.securityGroups ?? [],
    quota: quotaFromSpec(b.quota),
    defaultRouterPrivateIpCidr: range,
    tags: b.tags ?? [],
    createdTime: Date.now(),
  };
  const task = ctx.p.engine.submit(createProject, {
    entity: { kind: "project", id: project.id },
    input: project,
    tenantId,
  });
  return taskReply(ctx, task);
}

export const projectRoutes: AnyRoute[] = [
  route<{ id: string }, Record<string, unknown>, ProjectBody>({
    method: "POST",
    url: "/v1/tenants/:id/projects",
    operationId: "createProject",
    summary: "Create a project in a tenant",
    tag: "projects",
    access: "user",
    scope: { kind: "tenant" },
    params: idParams("id"),
    body: object(
      {
        name: nameSchema,
        quota: quotaSchema,
        securityGroups: groupsSchema,
        defaultRouterPrivateIpCidr: cidrSchema,
        tags: tagsSchema,
      },
      ["name"],
    ),
    handler: create,
  }),
  listRoute({
    url: "/v1/tenants/:id/projects",
    operationId: "listProjects",
    summary: "Projects of a tenant",
    tag: "projects",
    access: "user",
    scope: "tenant",
    items: (ctx) => ctx.p.store.list("project", ctx.params.id),
    view: projectView,
  }),
  getRoute({
    url: "/v1/projects/:id",
    operationId: "getProject",
    summary: "One project",
    tag: "projects",
    access: "user",
    scope: "project",
    load: loadProject,
    view: projectView,
  }),
  route<{ id: string }, { force?: boolean }>({
    method: "DELETE",
    url: "/v1/projects/:id",
    operationId: "deleteProject",
    summary: "Delete a project; one that still holds things needs ?force=true",
    tag: "projects",
    access: "user",
    scope: { kind: "project" },
    params: idParams("id"),
    query: object({ force: { type: "boolean" } }),
    handler: (ctx) => {
      const project = loadProject(ctx.p, ctx.params.id);
      const held = contents(ctx.p, project.id);
      if (held && !ctx.query.force)
        throw new ApiError(400, "ContainerNotEmpty", `project ${project.id} still holds ${held}`);
      const locks = [project.id, ...ctx.p.store.list("service", project.id).map((c) => c.id)];
      const task = ctx.p.engine.submit(deleteProject, {
        entity: { kind: "project", id: project.id },
        input: { force: ctx.query.force ?? false },
        tenantId: project.tenantId,
        locks,
      });
      return taskReply(ctx, task);
    },
  }),
  route<{ id: string }, Record<string, unknown>, { items: string[] }>({
    method: "POST",
    url: "/v1/projects/:id/set_security_groups",
    operationId: "setProjectSecurityGroups",
    summary: "Replace the project's security groups (recorded; access follows the tenant's groups)",
    tag: "projects",
    access: "user",
    scope: { kind: "project" },
    params: idParams("id"),
    body: object({ items: groupsSchema }, ["items"]),
    handler: (ctx) => {
      const project = loadProject(ctx.p, ctx.params.id);
      const task = ctx.p.engine.submit(setProjectGroups, {
        entity: { kind: "project", id: project.id },
        input: ctx.body,
        tenantId: project.tenantId,
      });
      return taskReply(ctx, task);
    },
  }),
  entityTasksRoute("/v1/projects/:id/tasks", "listProjectTasks", "projects", "project"),
  ...projectQuotaRoutes,
];
