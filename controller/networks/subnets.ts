import { invalidEntity, nameTaken, stateError } from "../http/errors";
import { loader, must, newId, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { cidrSchema, idParams, nameSchema, object, stringArray, tagsSchema } from "../http/schemas";
import type { Subnet } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { oneStepOp } from "../tasks/inline";
import { addressListProblem } from "../validation/addresses";
import { gateway, parseCidr } from "../../rules/cidr";
import { chooseCidr } from "./cidrs";
import { usedByCluster } from "./teardown";
import { subnetView } from "./views";

interface SubnetBody {
  name: string;
  description?: string;
  type?: Subnet["type"];
  privateIpCidr?: string;
  dnsServerAddresses?: string[];
  tags?: string[];
}

const loadSubnet = loader("subnet", "SubnetNotFound");

function save(p: Platform, s: Subnet): void {
  p.store.put("subnet", s, s.networkId);
}

export const createSubnet = oneStepOp<Record<string, never>>("CREATE_SUBNET", (p, _i, id) =>
  save(p, { ...loadSubnet(p, id), state: "READY" }),
);
type SubnetChange = Partial<Pick<Subnet, "name" | "description" | "dnsServerAddresses">>;

/** Only the writable fields are read from a change: ids and owners come from the stored record. */
export const updateSubnet = oneStepOp<SubnetChange>("UPDATE_SUBNET", (p, input, id) => {
  const s = loadSubnet(p, id);
  save(p, {
    ...s,
    name: input.name ?? s.name,
    description: input.description ?? s.description,
    dnsServerAddresses: input.dnsServerAddresses ?? s.dnsServerAddresses,
  });
});
export const deleteSubnet = oneStepOp<Record<string, never>>("DELETE_SUBNET", (p, _i, id) =>
  p.store.delete("subnet", id),
);
export const subnetOperations = [createSubnet, updateSubnet, deleteSubnet];

function checkDnsServers(list: readonly string[] | undefined): void {
  const problem = list && addressListProblem("dnsServerAddresses", list);
  if (problem) throw invalidEntity(problem.property, problem.problem, problem.value);
}

function create(ctx: RequestContext<{ id: string }, unknown, SubnetBody>) {
  const p = ctx.p;
  const network = must(p.store.get("network", ctx.params.id), "network", ctx.params.id, "NetworkNotFound");
  const b = ctx.body;
  checkDnsServers(b.dnsServerAddresses);
  const siblings = p.store.list("subnet", network.id);
  if (siblings.some((s) => s.name === b.name)) throw nameTaken("subnet", b.name);
  const cidr = chooseCidr(b.privateIpCidr, network.privateIpCidr, siblings, "subnet", 24);
  const parsed = parseCidr(cidr);
  const subnet: Subnet = {
    id: newId(),
    name: b.name,
    description: b.description ?? "",
    type: b.type ?? "NAT",
    privateIpCidr: cidr,
    dnsServerAddresses: b.dnsServerAddresses ?? [],
    reservedIps: parsed.ok ? { GATEWAY: gateway(parsed.cidr) } : {},
    networkId: network.id,
    projectId: network.projectId,
    tenantId: network.tenantId,
    state: "CREATING",
    tags: b.tags ?? [],
    createdTime: Date.now(),
  };
  const task = p.engine.submit(createSubnet, {
    entity: { kind: "subnet", id: subnet.id },
    input: {},
    tenantId: subnet.tenantId,
    prepare: () => save(p, subnet),
  });
  return taskReply(ctx, task);
}

function submitOn<I>(ctx: RequestContext<{ id: string }, unknown, unknown>, def: OperationDef<I>, input: I) {
  const s = loadSubnet(ctx.p, ctx.params.id);
  return taskReply(
    ctx,
    ctx.p.engine.submit(def, { entity: { kind: "subnet", id: s.id }, input, tenantId: s.tenantId }),
  );
}

export const subnetRoutes: AnyRoute[] = [
  route<{ id: string }, Record<string, unknown>, SubnetBody>({
    method: "POST",
    url: "/v1/networks/:id/subnets",
    operationId: "createSubnet",
    summary: "Create a subnet inside the network's range (no overlaps)",
    tag: "subnets",
    access: "user",
    scope: { kind: "network" },
    params: idParams("id"),
    body: object(
      {
        name: nameSchema,
        description: { type: "string" },
        type: { type: "string", enum: ["NAT", "NO_NAT", "PROVIDER", "PORT_GROUP"] },
        privateIpCidr: cidrSchema,
        dnsServerAddresses: stringArray,
        tags: tagsSchema,
      },
      ["name"],
    ),
    handler: create,
  }),
  listRoute({
    url: "/v1/networks/:id/subnets",
    operationId: "listSubnets",
    summary: "Subnets of a network",
    tag: "subnets",
    access: "user",
    scope: "network",
    items: (ctx) => ctx.p.store.list("subnet", ctx.params.id),
    view: subnetView,
  }),
  getRoute({
    url: "/v1/subnets/:id",
    operationId: "getSubnet",
    summary: "One subnet",
    tag: "subnets",
    access: "user",
    scope: "subnet",
    load: loadSubnet,
    view: subnetView,
  }),
  route<{ id: string }, Record<string, unknown>, SubnetChange>({
    method: "PATCH",
    url: "/v1/subnets/:id",
    operationId: "updateSubnet",
    summary: "Rename, describe or change DNS servers of a subnet",
    tag: "subnets",
    access: "user",
    scope: { kind: "subnet" },
    params: idParams("id"),
    body: object({ name: nameSchema, description: { type: "string" }, dnsServerAddresses: stringArray }),
    handler: (ctx) => {
      const { name, description, dnsServerAddresses } = ctx.body;
      checkDnsServers(dnsServerAddresses);
      const s = loadSubnet(ctx.p, ctx.params.id);
      if (name && name !== s.name && ctx.p.store.list("subnet", s.networkId).some((o) => o.name === name))
        throw nameTaken("subnet", name);
      return submitOn(ctx, updateSubnet, {
        ...(name && { name }),
        ...(description !== undefined && { description }),
        ...(dnsServerAddresses && { dnsServerAddresses }),
      });
    },
  }),
  deleteRoute({
    url: "/v1/subnets/:id",
    operationId: "deleteSubnet",
    summary: "Delete a subnet no cluster uses",
    tag: "subnets",
    access: "user",
    scope: "subnet",
    load: loadSubnet,
    refuse: (p, s) => {
      const user = usedByCluster(p, s.projectId, s.id);
      if (user) throw stateError("DELETE_SUBNET", "subnet", s.id, s.state, `used by service ${user}`);
    },
    operation: deleteSubnet,
    kind: "subnet",
    tenantOf: (s) => s.tenantId,
  }),
];
