import type { Deadline } from "../client";
import type { Quota } from "../client/types";
import type { QuotaItem } from "../generated/schema";
import { sameSet } from "./diff";
import { checkGroups, checkName, checkStringArray, type Failure } from "./failures";
import type { ResourceDeclaration } from "./handlers";
import type { Entity } from "./lifecycle";
import type { Props } from "./props";
import { applyQuota, checkQuota, planQuota, quotaLimits, quotaUsage } from "./quota";
import type { Context } from "./resourceImpl";

/** Tenants and projects: named objects that own security groups and a quota, changed the same way. */
export interface Owner extends Entity {
  readonly name: string;
  readonly securityGroups?: Array<string | { name: string; inherited?: boolean }>;
  readonly quota?: Quota;
}

interface OwnerInputs {
  readonly securityGroups?: string[];
  readonly quota?: Record<string, QuotaItem>;
}

/** check's rules on the name, the security groups and the quota. */
export function ownerFailures(i: Props): Failure[] {
  return [
    ...checkName("name", i.name),
    ...checkStringArray("securityGroups", i.securityGroups),
    ...checkGroups("securityGroups", i.securityGroups),
    ...checkQuota("quota", i.quota),
  ];
}

/** The part of a create's body that tenants and projects share. */
export function ownerBody(props: Props): Props {
  const inputs = props as OwnerInputs & { readonly name?: string };
  return {
    name: inputs.name,
    securityGroups: inputs.securityGroups ?? [],
    quota: { quotaItems: inputs.quota ?? {} },
  };
}

export function ownerOutputs(owner: Owner): Props {
  return {
    name: owner.name,
    securityGroups: groupNames(owner.securityGroups),
    quota: quotaLimits(owner.quota),
    quotaUsage: quotaUsage(owner.quota),
  };
}

/** Security groups as plain names (the server may answer objects with an `inherited` flag). */
function groupNames(
  groups: ReadonlyArray<string | { name: string; inherited?: boolean }> | undefined,
): string[] {
  return (groups ?? []).flatMap((g) => (typeof g === "string" ? [g] : g.inherited ? [] : [g.name]));
}

/**
 * How a tenant or project is fetched and brought to its inputs, for its declaration: with its quota
 * (answered inline by newer servers, else from `<path>/quota`), then groups and quota changed in place.
 */
export function ownerAccess<E extends Owner>(
  path: (id: string) => string,
): Pick<ResourceDeclaration<E>, "fetch" | "converge"> {
  return {
    async fetch(ctx, id) {
      const owner = await ctx.client.find<E>(path(id));
      return owner && withQuota(ctx, path(id), owner);
    },
    async converge(ctx, owner, props, deadline) {
      await convergeOwner(ctx, path(owner.id), await withQuota(ctx, path(owner.id), owner), props, deadline);
    },
  };
}

/** An object found by listing may come without its quota; the quota is what converge compares to. */
async function withQuota<E extends Owner>(ctx: Context, path: string, owner: E): Promise<E> {
  return owner.quota ? owner : { ...owner, quota: await ctx.client.find<Quota>(`${path}/quota`) };
}

/** Makes the live groups and quota of the owner at `path` match the inputs. */
async function convergeOwner(
  ctx: Context,
  path: string,
  live: Owner,
  props: Props,
  deadline: Deadline,
): Promise<void> {
  const inputs = props as OwnerInputs;
  const groups = inputs.securityGroups ?? [];
  if (!sameSet(groupNames(live.securityGroups), groups)) {
    await ctx.client.run(
      { method: "POST", path: `${path}/set_security_groups`, body: { items: groups }, idempotent: true },
      deadline,
    );
  }
  await applyQuota(ctx, path, planQuota(quotaLimits(live.quota), inputs.quota ?? {}), deadline);
}
