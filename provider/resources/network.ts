import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { type Deadline } from "../client";
import { type Network, type SecurityPolicy as ApiPolicy } from "../client/types";
import { type NetworkInputs, RESOURCE_META, type SecurityPolicy } from "../generated/schema";
import { overlaps, parseCidr } from "../../rules/cidr";
import { checkCidrInput } from "./cidr";
import { isUnknown, type Props, recorded, typed } from "./props";
import { checkName, checkType, type Failure } from "./failures";
import { sameValue, schemaDiff } from "./diff";
import { resourceHandlers } from "./handlers";
import { checkPolicy, normalizePolicy } from "./policy";
import { checked } from "./checkResult";
import { MINUTE } from "./timeouts";
import { bare } from "./wording";
import type { Context, ResourceImpl } from "./resourceImpl";

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
  if (!mine.ok) return [];
  return others.flatMap((o) => {
    const theirs = parseCidr(o.cidr);
    if (o.identity === identity || !theirs.ok || !overlaps(mine.cidr, theirs.cidr)) return [];
    return [{ property: "cidr", reason: `overlaps ${o.cidr} of ${bare(o.identity)} in the same project` }];
  });
}

/** Claims seen by check in this deployment (one provider process), by project id. */
const claims = new Map<string, Claim[]>();

/** Forgets the claims, as a new deployment (a new provider process) starts without any: for tests. */
export function forgetClaims(): void {
  claims.clear();
}

function claim(projectId: unknown, identity: unknown, cidr: unknown): Failure[] {
  if (typeof projectId !== "string" || typeof identity !== "string" || typeof cidr !== "string") return [];
  // Only valid ranges are kept: nothing else can overlap, and the list stays as small as the program.
  if ([projectId, identity, cidr].some(isUnknown) || !parseCidr(cidr).ok) return [];
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

/** Rename, description and policy: the network's in-place changes. */
async function converge(ctx: Context, network: Network, props: Props, deadline: Deadline): Promise<void> {
  const inputs = typed<In>(props);
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
}

function post(props: Props) {
  const inputs = typed<In>(props);
  const listPath = `/v1/projects/${encodeURIComponent(inputs.projectId)}/networks`;
  const body = {
    name: inputs.name,
    privateIpCidr: inputs.cidr,
    description: inputs.description ?? "",
    ...(inputs.securityPolicy ? { securityPolicy: normalizePolicy(inputs.securityPolicy) } : {}),
  };
  return { listPath, body };
}

const handlers = resourceHandlers<Network>({
  meta,
  kind: "network",
  timeouts: TIMEOUTS,
  compare,
  path,
  outputs,
  post,
  converge,
});
export const { create, read, update, delete: remove } = handlers;

export const network: ResourceImpl = { check, diff, ...handlers };
