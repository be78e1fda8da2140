import { nameTaken, stateError } from "../http/errors";
import { listReply, type ListQuery } from "../http/lists";
import { must, newId, taskReply } from "../http/replies";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, listQuery, nameSchema, object, stringArray, tagsSchema } from "../http/schemas";
import type { Subnet } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/engine";
import { gateway, parseCidr } from "../validation/cidr";
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

function loadSubnet(p: Platform, id: string): Subnet {
  return must(p.store.get("subnet", id), "subnet", id, "SubnetNotFound");
}

function save(p: Platform, s: Subnet): void {
  p.store.put("subnet", s, s.networkId);
}

function step<I>(operation: string, run: (p: Platform, input: I, id: string) => void): OperationDef<I> {
  return { operation, steps: () => [{ name: operation, run: (ctx) => run(ctx.p, ctx.input, ctx.entityId) }] };
}

export const createSubnet = step<Record<string, never>>("CREATE_SUBNET", (p, _i, id) =>
  save(p, { ...loadSubnet(p, id), state: "READY" }),
);
export const updateSubnet = step<{ name?: string; description?: string; dnsServerAddresses?: string[] }>(
  "UPDATE_SUBNET",
  (p, input, id) => save(p, { ...loadSubnet(p, id), ...input }),
);
export const deleteSubnet = step<Record<string, never>>("DELETE_SUBNET", (p, _i, id) =>
  p.store.delete("subnet", id),
);
export const subnetOperations = [createSubnet, updateSubnet, deleteSubnet];

function create(ctx: RequestContext<{ id: string }, unknown, SubnetBody>) {
  const p = ctx.p;
  const network = must(p.store.get("network", ctx.params.id), "network", ctx.params.id, "NetworkNotFound");
  const b = ctx.body;
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

const subnetScope = { kind: "subnet" as const };

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
        privateIpCidr: { type: "string" },
        dnsServerAddresses: stringArray,
        tags: tagsSchema,
      },
      ["name"],
    ),
    handler: create,
  }),
  route<{ id: string }, ListQuery>({
    method: "GET",
    url: "/v1/networks/:id/subnets",
    operationId: "listSubnets",
    summary: "Subnets of a network",
    tag: "subnets",
    access: "user",
    scope: { kind: "network" },
    params: idParams("id"),
    query: listQuery,
    handler: (ctx) =>
      listReply(
        ctx as RequestContext<unknown, ListQuery, unknown>,
        () => ctx.p.store.list("subnet", ctx.params.id),
        subnetView,
      ),
  }),
  route<{ id: string }>({
    method: "GET",
    url: "/v1/subnets/:id",
    operationId: "getSubnet",
    summary: "One subnet",
    tag: "subnets",
    access: "user",
    scope: subnetScope,
    params: idParams("id"),
    handler: (ctx) => ({ status: 200, body: subnetView(loadSubnet(ctx.p, ctx.params.id)) }),
  }),
  route<
    { id: string },
    Record<string, unknown>,
    { name?: string; description?: string; dnsServerAddresses?: string[] }
  >({
    method: "PATCH",
    url: "/v1/subnets/:id",
    operationId: "updateSubnet",
    summary: "Rename, describe or change DNS servers of a subnet",
    tag: "subnets",
    access: "user",
    scope: subnetScope,
    params: idParams("id"),
    body: object({ name: nameSchema, description: { type: "string" }, dnsServerAddresses: stringArray }),
    handler: (ctx) => submitOn(ctx, updateSubnet, ctx.body),
  }),
  route<{ id: string }>({
    method: "DELETE",
    url: "/v1/subnets/:id",
    operationId: "deleteSubnet",
    summary: "Delete a subnet no cluster uses",
    tag: "subnets",
    access: "user",
    scope: subnetScope,
    params: idParams("id"),
    handler: (ctx) => {
      const s = loadSubnet(ctx.p, ctx.params.id);
      const user = usedByCluster(ctx.p, s.projectId, s.id);
      if (user) throw stateError("DELETE_SUBNET", "subnet", s.id, s.state, `used by service ${user}`);
      return submitOn(ctx, deleteSubnet, {});
    },
  }),
];
