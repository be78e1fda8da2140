import type { CheckResult, DiffResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { Quota, Tenant } from "../client/types";
import { RESOURCE_META, TenantInputs } from "../generated/schema";
import { checkName, checkStringArray, identityTag, Props, sameSet, schemaDiff, typed } from "./common";
import { deleteOnce, GONE } from "./lifecycle";
import { obtain } from "./adopt";
import { applyQuota, checkQuota, planQuota, quotaLimits, quotaUsage } from "./quota";
import { checked, checkGroups, deadlineFor, groupNames, MINUTE, readAnswer, recorded } from "./shared";
import { Context, Created, ResourceImpl } from "./types";

const meta = RESOURCE_META.Tenant;
const TIMEOUTS = { create: 5 * MINUTE, update: 5 * MINUTE, delete: 5 * MINUTE };
const path = (id: string) => `/v1/tenants/${encodeURIComponent(id)}`;
const compare = { securityGroups: sameSet };
type In = TenantInputs & { readonly identity?: string };

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, (i) => [
    ...checkName("name", i.name),
    ...checkStringArray("securityGroups", i.securityGroups),
    ...checkGroups("securityGroups", i.securityGroups),
    ...checkQuota("quota", i.quota),
  ]);
}

export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news, compare);
}

interface Live {
  readonly tenant: Tenant;
  readonly quota?: Quota;
}

async function fetchLive(ctx: Context, id: string): Promise<Live | undefined> {
  const tenant = await ctx.client.find<Tenant>(path(id));
  if (!tenant) return undefined;
  const quota = tenant.quota ?? (await ctx.client.find<Quota>(`${path(id)}/quota`));
  return { tenant, quota };
}

export function outputs(live: Live, props: Props): Props {
  return {
    ...recorded(meta, props),
    name: live.tenant.name,
    securityGroups: groupNames(live.tenant.securityGroups),
    quota: quotaLimits(live.quota),
    quotaUsage: quotaUsage(live.quota),
  };
}

export async function create(ctx: Context, props: Props): Promise<Created> {
  const inputs = typed<In>(props);
  const deadline = deadlineFor("tenant", "create", props, TIMEOUTS);
  const tag = identityTag(inputs.identity);
  const fetch = (id: string) => ctx.client.find<Tenant>(path(id));
  const tenant = await obtain<Tenant>(ctx, meta, props, {
    compare,
    kind: "tenant",
    listPath: "/v1/tenants",
    tag,
    post: {
      method: "POST",
      path: "/v1/tenants",
      body: {
        name: inputs.name,
        securityGroups: inputs.securityGroups ?? [],
        quota: { quotaItems: inputs.quota ?? {} },
        tags: tag ? [tag] : [],
      },
    },
    fetch,
    outputs: (t) => outputs({ tenant: t }, props),
    deadline,
  });
  const live = await converge(ctx, tenant.id, props);
  return { id: tenant.id, outs: outputs(live, props) };
}

/** Makes the live tenant match the inputs: security groups and quota. */
async function converge(ctx: Context, id: string, props: Props): Promise<Live> {
  const inputs = typed<In>(props);
  const deadline = deadlineFor("tenant", "update", props, TIMEOUTS);
  let live = await fetchLive(ctx, id);
  if (!live) throw new Error(`tenant ${id} was deleted while it was being updated`);
  if (!sameSet(groupNames(live.tenant.securityGroups), inputs.securityGroups ?? [])) {
    await ctx.client.run(
      {
        method: "POST",
        path: `${path(id)}/set_security_groups`,
        body: { items: inputs.securityGroups ?? [] },
        idempotent: true,
      },
      deadline,
    );
  }
  await applyQuota(ctx, path(id), planQuota(quotaLimits(live.quota), inputs.quota ?? {}), deadline);
  live = await fetchLive(ctx, id);
  if (!live) throw new Error(`tenant ${id} was deleted while it was being updated`);
  return live;
}

export async function read(ctx: Context, id: string, props: Props): Promise<ReadResult<Props>> {
  const live = await fetchLive(ctx, id);
  return live ? readAnswer(meta, id, outputs(live, props)) : GONE;
}

export async function update(ctx: Context, id: string, _olds: Props, news: Props): Promise<{ outs: Props }> {
  return { outs: outputs(await converge(ctx, id, news), news) };
}

export async function remove(ctx: Context, id: string, props: Props): Promise<void> {
  await deleteOnce(
    ctx,
    { method: "DELETE", path: path(id) },
    deadlineFor("tenant", "delete", props, TIMEOUTS),
  );
}

export const tenant: ResourceImpl = { check, diff, create, read, update, delete: remove };
