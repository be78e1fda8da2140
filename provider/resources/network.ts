import type { CheckResult, DiffResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { PhotonError } from "../client";
import { Network, SecurityPolicy as ApiPolicy } from "../client/types";
import { NetworkInputs, RESOURCE_META, SecurityPolicy } from "../generated/schema";
import { checkCidrInput, isCidr, overlaps, parseCidr } from "./cidr";
import {
  checkName,
  checkType,
  Failure,
  identityTag,
  isUnknown,
  Props,
  sameValue,
  schemaDiff,
  typed,
} from "./common";
import { deleteOnce, GONE, settle, SettleSpec } from "./lifecycle";
import { obtain } from "./adopt";
import { Operation } from "./timeouts";
import { checkPolicy, normalizePolicy } from "./policy";
import { checked, deadlineFor, MINUTE, readAnswer, recorded } from "./shared";
import { Context, Created, ResourceImpl } from "./types";

const meta = RESOURCE_META.Network;
const TIMEOUTS = { create: 10 * MINUTE, update: 10 * MINUTE, delete: 10 * MINUTE };
const path = (id: string) => `/v1/networks/${encodeURIComponent(id)}`;
type In = NetworkInputs & { readonly identity?: string };

/** No policy means allow everything: both spellings compare equal. */
const OPEN: SecurityPolicy = { defaultAction: "ALLOW", rules: [] };
const samePolicy = (a: unknown, b: unknown) =>
  sameValue(
    normalizePolicy((a as SecurityPolicy | undefined) ?? OPEN),
    normalizePolicy((b as SecurityPolicy | undefined) ?? OPEN),
  );
const compare = { securityPolicy: samePolicy };

export interface Claim {
  readonly identity: string;
  readonly cidr: string;
}

/** Networks of one project in one program must not overlap: the reason names the other resource. */
export function overlapFailures(identity: string, cidr: string, others: readonly Claim[]): Failure[] {
  const mine = parseCidr(cidr);
  if (!isCidr(mine)) return [];
  return others.flatMap((o) => {
    const theirs = parseCidr(o.cidr);
    if (o.identity === identity || !isCidr(theirs) || !overlaps(mine, theirs)) return [];
    return [{ property: "cidr", reason: `overlaps ${o.cidr} of ${o.identity} in the same project` }];
  });
}

/** Claims seen by check in this deployment (one provider process), by project id. */
const claims = new Map<string, Claim[]>();

function claim(projectId: unknown, identity: unknown, cidr: unknown): Failure[] {
  if (typeof projectId !== "string" || typeof identity !== "string" || typeof cidr !== "string") return [];
  if ([projectId, identity, cidr].some(isUnknown)) return [];
  const list = (claims.get(projectId) ?? []).filter((c) => c.identity !== identity);
  const failures = overlapFailures(identity, cidr, list);
  claims.set(projectId, [...list, { identity, cidr }]);
  return failures;
}

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, (i) => [
    ...checkType("projectId", i.projectId, "string"),
    ...checkName("name", i.name),
    ...checkType("description", i.description, "string"),
    ...checkCidrInput("cidr", i.cidr),
    ...checkPolicy("securityPolicy", i.securityPolicy),
    ...claim(i.projectId, i.identity, i.cidr),
  ]);
}

export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news, compare);
}

const fetchNetwork = (ctx: Context) => (id: string) => ctx.client.find<Network>(path(id));

export function outputs(n: Network, props: Props): Props {
  const policy = normalizePolicy(n.securityPolicy);
  const declared = props.securityPolicy !== undefined && props.securityPolicy !== null;
  return {
    ...recorded(meta, props),
    projectId: n.projectId ?? props.projectId,
    name: n.name,
    description: n.description ?? "",
    cidr: n.privateIpCidr,
    ...(policy && (declared || !samePolicy(policy, OPEN)) ? { securityPolicy: policy } : {}),
    state: n.state,
  };
}

function spec(ctx: Context, props: Props, op: Operation): SettleSpec<Network> {
  const deadline = deadlineFor("network", op, props, TIMEOUTS);
  return { kind: "network", fetch: fetchNetwork(ctx), outputs: (n) => outputs(n, props), deadline };
}

export async function create(ctx: Context, props: Props): Promise<Created> {
  const inputs = typed<In>(props);
  const tag = identityTag(inputs.identity);
  const list = `/v1/projects/${encodeURIComponent(inputs.projectId)}/networks`;
  const body = {
    name: inputs.name,
    privateIpCidr: inputs.cidr,
    description: inputs.description ?? "",
    ...(inputs.securityPolicy ? { securityPolicy: normalizePolicy(inputs.securityPolicy) } : {}),
    tags: tag ? [tag] : [],
  };
  const network = await obtain<Network>(ctx, meta, props, {
    compare,
    ...spec(ctx, props, "create"),
    listPath: list,
    tag,
    post: { method: "POST", path: list, body },
  });
  return { id: network.id, outs: outputs(await converge(ctx, network, props), props) };
}

/** Rename, description and policy: the network's in-place changes. */
async function converge(ctx: Context, network: Network, props: Props): Promise<Network> {
  const inputs = typed<In>(props);
  const deadline = deadlineFor("network", "update", props, TIMEOUTS);
  const description = inputs.description ?? "";
  if (network.name !== inputs.name || (network.description ?? "") !== description) {
    await ctx.client.run(
      { method: "PATCH", path: path(network.id), body: { name: inputs.name, description } },
      deadline,
    );
  }
  if (!samePolicy(network.securityPolicy ?? undefined, inputs.securityPolicy)) {
    const policy: ApiPolicy | undefined = normalizePolicy(inputs.securityPolicy ?? OPEN);
    await ctx.client.run(
      { method: "PUT", path: `${path(network.id)}/security-policy`, body: policy },
      deadline,
    );
  }
  const now = await fetchNetwork(ctx)(network.id);
  if (!now)
    throw new PhotonError({
      code: "NotFound",
      message: `network ${network.id} was deleted while it was being updated`,
    });
  return now;
}

export async function read(ctx: Context, id: string, props: Props): Promise<ReadResult<Props>> {
  const network = await fetchNetwork(ctx)(id);
  return network && network.state !== "DELETED" ? readAnswer(meta, id, outputs(network, props)) : GONE;
}

export async function update(ctx: Context, id: string, _olds: Props, news: Props): Promise<{ outs: Props }> {
  const network = await settle(ctx, spec(ctx, news, "update"), id);
  return { outs: outputs(await converge(ctx, network, news), news) };
}

export async function remove(ctx: Context, id: string, props: Props): Promise<void> {
  await deleteOnce(
    ctx,
    { method: "DELETE", path: path(id) },
    deadlineFor("network", "delete", props, TIMEOUTS),
  );
}

export const network: ResourceImpl = { check, diff, create, read, update, delete: remove };
