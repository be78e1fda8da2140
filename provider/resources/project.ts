import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { type Deadline, PhotonError } from "../client";
import { type Project } from "../client/types";
import { type ProjectInputs, RESOURCE_META } from "../generated/schema";
import { checkCidrInput } from "./cidr";
import { type Props, recorded, typed } from "./props";
import { checkType } from "./failures";
import { sameSet, schemaDiff } from "./diff";
import { deleteOnce } from "./lifecycle";
import { resourceHandlers } from "./handlers";
import { ownerAccess, ownerBody, ownerFailures, ownerOutputs } from "./owner";
import { checked } from "./checkResult";
import { deadlineFor, MINUTE } from "./timeouts";
import type { Context, ResourceImpl } from "./resourceImpl";

const meta = RESOURCE_META.Project;
const TIMEOUTS = { create: 5 * MINUTE, update: 5 * MINUTE, delete: 15 * MINUTE };
const path = (id: string) => `/v1/projects/${encodeURIComponent(id)}`;
const compare = { securityGroups: sameSet };

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, (i) => [
    ...checkType("tenantId", i.tenantId, "string"),
    ...ownerFailures(i),
    ...checkCidrInput("defaultRouterPrivateIpCidr", i.defaultRouterPrivateIpCidr),
    ...checkType("forceDestroy", i.forceDestroy, "boolean"),
  ]);
}

export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news, compare);
}

export function outputs(p: Project, props: Props): Props {
  return {
    ...recorded(meta, props),
    tenantId: p.tenantId ?? props.tenantId,
    ...ownerOutputs(p),
    defaultRouterPrivateIpCidr: p.defaultRouterPrivateIpCidr ?? props.defaultRouterPrivateIpCidr,
    forceDestroy: props.forceDestroy ?? false,
  };
}

function post(props: Props) {
  const inputs = typed<ProjectInputs>(props);
  const body = { ...ownerBody(props), defaultRouterPrivateIpCidr: inputs.defaultRouterPrivateIpCidr };
  return { listPath: `/v1/tenants/${encodeURIComponent(inputs.tenantId)}/projects`, body };
}

const handlers = resourceHandlers<Project>({
  meta,
  kind: "project",
  timeouts: TIMEOUTS,
  compare,
  path,
  ...ownerAccess<Project>(path),
  outputs,
  post,
});
export const { create, read, update } = handlers;

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

export const project: ResourceImpl = { check, diff, ...handlers, delete: remove };
