import { Deadline, PhotonError } from "../client";
import { Quota } from "../client/types";
import { QuotaItem, ResourceMeta } from "../generated/schema";
import { obtain } from "./adopt";
import { checkName, checkStringArray, Comparators, Failure, identityTag, Props, sameSet } from "./common";
import { deleteOnce, GONE } from "./lifecycle";
import { applyQuota, checkQuota, planQuota, quotaLimits, quotaUsage } from "./quota";
import { checkGroups, deadlineFor, groupNames, readAnswer } from "./shared";
import { TimeoutDefaults } from "./timeouts";
import { Context, ResourceImpl } from "./types";

/** Tenants and projects: named objects that own security groups and a quota, changed the same way. */
export interface Owner {
  readonly id: string;
  readonly name: string;
  readonly securityGroups?: Array<string | { name: string; inherited?: boolean }>;
  readonly quota?: Quota;
}

export interface Live<E extends Owner> {
  readonly entity: E;
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

/** The object and its quota (answered inline by newer servers, else from `<path>/quota`). */
export async function fetchLive<E extends Owner>(ctx: Context, path: string): Promise<Live<E> | undefined> {
  const entity = await ctx.client.find<E>(path);
  if (!entity) return undefined;
  return { entity, quota: entity.quota ?? (await ctx.client.find<Quota>(`${path}/quota`)) };
}

export function ownerOutputs<E extends Owner>(live: Live<E>): Props {
  return {
    name: live.entity.name,
    securityGroups: groupNames(live.entity.securityGroups),
    quota: quotaLimits(live.quota),
    quotaUsage: quotaUsage(live.quota),
  };
}

/** Makes the live groups and quota of `what` (`tenant <id>`) match the inputs; answers it afterwards. */
export async function convergeOwner<E extends Owner>(
  ctx: Context,
  what: string,
  path: string,
  inputs: OwnerInputs,
  deadline: Deadline,
): Promise<Live<E>> {
  const gone = () =>
    new PhotonError({ code: "NotFound", message: `${what} was deleted while it was being updated` });
  const live = await fetchLive<E>(ctx, path);
  if (!live) throw gone();
  const groups = inputs.securityGroups ?? [];
  if (!sameSet(groupNames(live.entity.securityGroups), groups)) {
    await ctx.client.run(
      { method: "POST", path: `${path}/set_security_groups`, body: { items: groups }, idempotent: true },
      deadline,
    );
  }
  await applyQuota(ctx, path, planQuota(quotaLimits(live.quota), inputs.quota ?? {}), deadline);
  const now = await fetchLive<E>(ctx, path);
  if (!now) throw gone();
  return now;
}

/** What a tenant or project declares; its create, read, update and delete follow from it. */
export interface OwnerDef<E extends Owner> {
  readonly meta: ResourceMeta;
  readonly kind: string;
  readonly timeouts: TimeoutDefaults;
  readonly compare: Comparators;
  readonly path: (id: string) => string;
  readonly outputs: (live: Live<E>, props: Props) => Props;
  /** The collection a create POSTs to (and searches for its tagged object) and the body, tags aside. */
  readonly post: (props: Props) => { listPath: string; body: Props };
}

export function ownerHandlers<E extends Owner>(def: OwnerDef<E>): Omit<ResourceImpl, "check" | "diff"> {
  const converge = (ctx: Context, id: string, props: Props) => {
    const deadline = deadlineFor(def.kind, "update", props, def.timeouts);
    return convergeOwner<E>(ctx, `${def.kind} ${id}`, def.path(id), props as OwnerInputs, deadline);
  };
  return {
    async create(ctx, props) {
      const tag = identityTag(props.identity);
      const { listPath, body } = def.post(props);
      const found = await obtain<E>(ctx, def.meta, props, {
        compare: def.compare,
        kind: def.kind,
        listPath,
        tag,
        post: { method: "POST", path: listPath, body: { ...body, tags: tag ? [tag] : [] } },
        fetch: (id) => ctx.client.find<E>(def.path(id)),
        outputs: (entity) => def.outputs({ entity }, props),
        deadline: deadlineFor(def.kind, "create", props, def.timeouts),
      });
      return { id: found.id, outs: def.outputs(await converge(ctx, found.id, props), props) };
    },
    async read(ctx, id, props) {
      const live = await fetchLive<E>(ctx, def.path(id));
      return live ? readAnswer(def.meta, id, def.outputs(live, props)) : GONE;
    },
    async update(ctx, id, _olds, news) {
      return { outs: def.outputs(await converge(ctx, id, news), news) };
    },
    async delete(ctx, id, props) {
      const deadline = deadlineFor(def.kind, "delete", props, def.timeouts);
      await deleteOnce(ctx, { method: "DELETE", path: def.path(id) }, deadline);
    },
  };
}
