import type { CheckResult, DiffResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { Deadline, PhotonError } from "../client";
import { Project, Quota } from "../client/types";
import { ProjectInputs, RESOURCE_META } from "../generated/schema";
import { checkCidrInput } from "./cidr";
import {
  checkName,
  checkStringArray,
  checkType,
  identityTag,
  Props,
  sameSet,
  schemaDiff,
  typed,
} from "./common";
import { deleteOnce, GONE } from "./lifecycle";
import { obtain } from "./adopt";
import { applyQuota, checkQuota, planQuota, quotaLimits, quotaUsage } from "./quota";
import { checked, checkGroups, deadlineFor, groupNames, MINUTE, readAnswer, recorded } from "./shared";
import { Context, Created, ResourceImpl } from "./types";

const meta = RESOURCE_META.Project;
const TIMEOUTS = { create: 5 * MINUTE, update: 5 * MINUTE, delete: 15 * MINUTE };
const path = (id: string) => `/v1/projects/${encodeURIComponent(id)}`;
const compare = { securityGroups: sameSet };
type In = ProjectInputs & { readonly identity?: string };

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, (i) => [
    ...checkType("tenantId", i.tenantId, "string"),
    ...checkName("name", i.name),
    ...checkStringArray("securityGroups", i.securityGroups),
    ...checkGroups("securityGroups", i.securityGroups),
    ...checkQuota("quota", i.quota),
    ...checkCidrInput("defaultRouterPrivateIpCidr", i.defaultRouterPrivateIpCidr),
    ...checkType("forceDestroy", i.forceDestroy, "boolean"),
  ]);
}

export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news, compare);
}

interface Live {
  readonly project: Project;
  readonly quota?: Quota;
}

async function fetchLive(ctx: Context, id: string): Promise<Live | undefined> {
  const project = await ctx.client.find<Project>(path(id));
  if (!project) return undefined;
  return { project, quota: project.quota ?? (await ctx.client.find<Quota>(`${path(id)}/quota`)) };
}

export function outputs(live: Live, props: Props): Props {
  const p = live.project;
  return {
    ...recorded(meta, props),
    tenantId: p.tenantId ?? props.tenantId,
    name: p.name,
    securityGroups: groupNames(p.securityGroups),
    quota: quotaLimits(live.quota),
    quotaUsage: quotaUsage(live.quota),
    defaultRouterPrivateIpCidr: p.defaultRouterPrivateIpCidr ?? props.defaultRouterPrivateIpCidr,
    forceDestroy: props.forceDestroy ?? false,
  };
}

export async function create(ctx: Context, props: Props): Promise<Created> {
  const inputs = typed<In>(props);
  const tag = identityTag(inputs.identity);
  const list = `/v1/tenants/${encodeURIComponent(inputs.tenantId)}/projects`;
  const fetch = (id: string) => ctx.client.find<Project>(path(id));
  const project = await obtain<Project>(ctx, meta, props, {
    compare,
    kind: "project",
    listPath: list,
    tag,
    post: { method: "POST", path: list, body: createBody(inputs, tag) },
    fetch,
    outputs: (p) => outputs({ project: p }, props),
    deadline: deadlineFor("project", "create", props, TIMEOUTS),
  });
  return { id: project.id, outs: outputs(await converge(ctx, project.id, props), props) };
}

function createBody(inputs: In, tag: string | undefined): Props {
  return {
    name: inputs.name,
    securityGroups: inputs.securityGroups ?? [],
    quota: { quotaItems: inputs.quota ?? {} },
    defaultRouterPrivateIpCidr: inputs.defaultRouterPrivateIpCidr,
    tags: tag ? [tag] : [],
  };
}

async function converge(ctx: Context, id: string, props: Props): Promise<Live> {
  const inputs = typed<In>(props);
  const deadline = deadlineFor("project", "update", props, TIMEOUTS);
  const live = await fetchLive(ctx, id);
  if (!live)
    throw new PhotonError({
      code: "NotFound",
      message: `project ${id} was deleted while it was being updated`,
    });
  if (!sameSet(groupNames(live.project.securityGroups), inputs.securityGroups ?? [])) {
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
  return (await fetchLive(ctx, id)) ?? live;
}

export async function read(ctx: Context, id: string, props: Props): Promise<ReadResult<Props>> {
  const live = await fetchLive(ctx, id);
  return live ? readAnswer(meta, id, outputs(live, props)) : GONE;
}

export async function update(ctx: Context, id: string, _olds: Props, news: Props): Promise<{ outs: Props }> {
  return { outs: outputs(await converge(ctx, id, news), news) };
}

/** What a project still holds, by list, as `networks`, `disks`, `services` with their ids. */
async function contents(ctx: Context, id: string): Promise<Array<[string, string[]]>> {
  const lists = ["services", "networks", "disks"];
  const found = await Promise.all(
    lists.map(
      async (l) =>
        [
          l,
          (await ctx.client.list<{ id: string; state?: string }>(`${path(id)}/${l}`).catch(() => []))
            .filter((e) => e.state !== "DELETED")
            .map((e) => e.id),
        ] as [string, string[]],
    ),
  );
  return found.filter(([, ids]) => ids.length > 0);
}

export async function remove(ctx: Context, id: string, props: Props): Promise<void> {
  const deadline = deadlineFor("project", "delete", props, TIMEOUTS);
  const held = await contents(ctx, id);
  if (held.length > 0 && props.forceDestroy !== true) {
    const what = held.map(([l, ids]) => `${ids.length} ${l} (${ids.join(", ")})`).join(", ");
    throw new PhotonError({
      code: "ProjectNotEmpty",
      message: `project ${id} still holds ${what}; delete them first or set forceDestroy: true`,
    });
  }
  for (const [list, ids] of held) await deleteAll(ctx, list, ids, deadline);
  await deleteOnce(ctx, { method: "DELETE", path: path(id) }, deadline);
}

async function deleteAll(ctx: Context, list: string, ids: string[], deadline: Deadline): Promise<void> {
  await Promise.all(
    ids.map((id) =>
      deleteOnce(ctx, { method: "DELETE", path: `/v1/${list}/${encodeURIComponent(id)}` }, deadline),
    ),
  );
}

export const project: ResourceImpl = { check, diff, create, read, update, delete: remove };
