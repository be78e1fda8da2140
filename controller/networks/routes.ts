import { invalidEntity, nameTaken, stateError } from "../http/errors";
import { loader, must, newId, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { cidrSchema, idParams, nameSchema, object, tagsSchema } from "../http/schemas";
import type { Network, SecurityPolicy } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { oneStepOp } from "../tasks/inline";
import { entityTasksRoute } from "../tasks/routes";
import { securityPolicyProblems } from "../../rules/security-policy";
import { chooseCidr } from "./cidrs";
import { securityPolicySchema } from "./schemas";
import { subnetOperations, subnetRoutes } from "./subnets";
import { deleteNetworkNow, usedByCluster } from "./teardown";
import { networkView } from "./views";

interface NetworkBody {
  name: string;
  privateIpCidr?: string;
  description?: string;
  securityPolicy?: SecurityPolicy;
  tags?: string[];
}

const loadNetwork = loader("network", "NetworkNotFound");

function saveNetwork(p: Platform, n: Network): void {
  p.store.put("network", n, n.projectId);
}

export const createNetwork = oneStepOp<Record<string, never>>("CREATE_NETWORK", (p, _i, id) =>
  saveNetwork(p, { ...loadNetwork(p, id), state: "READY" }),
);
type NetworkChange = Partial<Pick<Network, "name" | "description">>;

/** Only the writable fields are read from a change: ids and owners come from the stored record. */
export const updateNetwork = oneStepOp<NetworkChange>("UPDATE_NETWORK", (p, input, id) => {
  const n = loadNetwork(p, id);
  saveNetwork(p, { ...n, name: input.name ?? n.name, description: input.description ?? n.description });
});
export const updateSecurityPolicy = oneStepOp<SecurityPolicy>("UPDATE_SECURITY_POLICY", (p, input, id) =>
  saveNetwork(p, { ...loadNetwork(p, id), securityPolicy: input }),
);
export const deleteNetwork = oneStepOp<Record<string, never>>("DELETE_NETWORK", (p, _i, id) =>
  deleteNetworkNow(p, id),
);
export const networkOperations = [
  createNetwork,
  updateNetwork,
  updateSecurityPolicy,
  deleteNetwork,
  ...subnetOperations,
];

function checkPolicy(policy: SecurityPolicy | undefined, base: string): void {
  const problem = policy ? securityPolicyProblems(policy, base)[0] : undefined;
  if (problem) throw invalidEntity(problem.property, problem.problem, problem.value);
}

function create(ctx: RequestContext<{ id: string }, unknown, NetworkBody>) {
  const p = ctx.p;
  const project = must(p.store.get("project", ctx.params.id), "project", ctx.params.id, "ProjectNotFound");
  const b = ctx.body;
  const siblings = p.store.list("network", project.id);
  if (siblings.some((n) => n.name === b.name)) throw nameTaken("network", b.name);
  checkPolicy(b.securityPolicy, "securityPolicy");
  const cidr = chooseCidr(b.privateIpCidr, project.defaultRouterPrivateIpCidr, siblings, "network", 16);
  const network: Network = {
    id: newId(),
    name: b.name,
    description: b.description ?? "",
    projectId: project.id,
    tenantId: project.tenantId,
    privateIpCidr: cidr,
    ...(b.securityPolicy && { securityPolicy: b.securityPolicy }),
    state: "CREATING",
    tags: b.tags ?? [],
    createdTime: Date.now(),
  };
  const task = p.engine.submit(createNetwork, {
    entity: { kind: "network", id: network.id },
    input: {},
    tenantId: project.tenantId,
    prepare: () => saveNetwork(p, network),
  });
  return taskReply(ctx, task);
}

function submitOn<I>(ctx: RequestContext<{ id: string }, unknown, unknown>, def: OperationDef<I>, input: I) {
  const n = loadNetwork(ctx.p, ctx.params.id);
  return taskReply(
    ctx,
    ctx.p.engine.submit(def, { entity: { kind: "network", id: n.id }, input, tenantId: n.tenantId }),
  );
}

export const networkRoutes: AnyRoute[] = [
  route<{ id: string }, Record<string, unknown>, NetworkBody>({
    method: "POST",
    url: "/v1/projects/:id/networks",
    operationId: "createNetwork",
    summary: "Create a network in the project's range (no overlaps), with an optional security policy",
    tag: "networks",
    access: "user",
    scope: { kind: "project" },
    params: idParams("id"),
    body: object(
      {
        name: nameSchema,
        privateIpCidr: cidrSchema,
        description: { type: "string" },
        securityPolicy: securityPolicySchema,
        tags: tagsSchema,
      },
      ["name"],
    ),
    handler: create,
  }),
  listRoute({
    url: "/v1/projects/:id/networks",
    operationId: "listNetworks",
    summary: "Networks of a project",
    tag: "networks",
    access: "user",
    scope: "project",
    items: (ctx) => ctx.p.store.list("network", ctx.params.id),
    view: networkView,
  }),
  getRoute({
    url: "/v1/networks/:id",
    operationId: "getNetwork",
    summary: "One network",
    tag: "networks",
    access: "user",
    scope: "network",
    load: loadNetwork,
    view: networkView,
  }),
  route<{ id: string }, Record<string, unknown>, NetworkChange>({
    method: "PATCH",
    url: "/v1/networks/:id",
    operationId: "updateNetwork",
    summary: "Rename or describe a network",
    tag: "networks",
    access: "user",
    scope: { kind: "network" },
    params: idParams("id"),
    body: object({ name: nameSchema, description: { type: "string" } }),
    handler: (ctx) => {
      const n = loadNetwork(ctx.p, ctx.params.id);
      const name = ctx.body.name;
      if (name && name !== n.name && ctx.p.store.list("network", n.projectId).some((o) => o.name === name))
        throw nameTaken("network", name);
      const { description } = ctx.body;
      return submitOn(ctx, updateNetwork, {
        ...(name && { name }),
        ...(description !== undefined && { description }),
      });
    },
  }),
  route<{ id: string }, Record<string, unknown>, SecurityPolicy>({
    method: "PUT",
    url: "/v1/networks/:id/security-policy",
    operationId: "setNetworkSecurityPolicy",
    summary: "Replace the network's security policy (extension)",
    tag: "networks",
    access: "user",
    scope: { kind: "network" },
    params: idParams("id"),
    body: securityPolicySchema,
    handler: (ctx) => {
      checkPolicy(ctx.body, "securityPolicy");
      return submitOn(ctx, updateSecurityPolicy, ctx.body);
    },
  }),
  deleteRoute({
    url: "/v1/networks/:id",
    operationId: "deleteNetwork",
    summary: "Delete a network and its subnets (not while a cluster uses them)",
    tag: "networks",
    access: "user",
    scope: "network",
    load: loadNetwork,
    refuse: (p, n) => {
      const ids = [n.id, ...p.store.list("subnet", n.id).map((s) => s.id)];
      const user = ids.map((id) => usedByCluster(p, n.projectId, id)).find(Boolean);
      if (user) throw stateError("DELETE_NETWORK", "network", n.id, n.state, `used by service ${user}`);
    },
    operation: deleteNetwork,
    kind: "network",
    tenantOf: (n) => n.tenantId,
  }),
  entityTasksRoute("/v1/networks/:id/tasks", "listNetworkTasks", "networks", "network"),
  ...subnetRoutes,
];
