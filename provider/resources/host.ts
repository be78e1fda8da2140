import { capacityValueProblem } from "../../rules/capacity";
import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { hostAddressProblem } from "../../rules/ip";
import { oneOfProblem } from "../../rules/wording";
import { type Deadline, isPhotonError } from "../client";
import { type Host, type HostState } from "../client/types";
import {
  HOST_CAPACITY_FIELDS,
  HOST_USAGE_TAG_VALUES,
  type HostInputs,
  type HostUsageTag,
  RESOURCE_META,
} from "../generated/schema";
import { isUnknown, type Props, recorded, typed } from "./props";
import { checkType, ruleFailure, type Failure } from "./failures";
import { sameSet, schemaDiff } from "./diff";
import { deleteOnce } from "./lifecycle";
import { resourceHandlers } from "./handlers";
import { checked } from "./checkResult";
import { deadlineFor, MINUTE } from "./timeouts";
import { bare, entryPath, firstDuplicate, isPlainObject, shown } from "./wording";
import type { Context, ResourceImpl } from "./resourceImpl";

const meta = RESOURCE_META.Host;
const TIMEOUTS = { create: 15 * MINUTE, update: 30 * MINUTE, delete: 30 * MINUTE };
const path = (id: string) => `/v1/infrastructure/hosts/${encodeURIComponent(id)}`;
const compare = { usageTags: sameSet };
type In = HostInputs & { readonly identity?: string };

/** Metadata keys that set the host's capacity: the fields of HostCapacity. */
const CAPACITY_KEYS: readonly string[] = HOST_CAPACITY_FIELDS;

function checkRequiredText(property: string, value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  return typeof value === "string" && value.trim() !== ""
    ? []
    : [{ property, reason: "must be a non-empty string" }];
}

export function checkUsageTags(value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!Array.isArray(value) || value.length === 0)
    return [
      { property: "usageTags", reason: `must be a non-empty list of ${HOST_USAGE_TAG_VALUES.join(", ")}` },
    ];
  const bad = value.flatMap((t, i) =>
    isUnknown(t) || HOST_USAGE_TAG_VALUES.includes(t as HostUsageTag)
      ? []
      : ruleFailure(`usageTags[${i}]`, oneOfProblem(HOST_USAGE_TAG_VALUES), t),
  );
  const dupe = firstDuplicate(value.filter((t) => !isUnknown(t)));
  return dupe ? [...bad, { property: "usageTags", reason: `lists ${bare(dupe.value)} twice` }] : bad;
}

export function checkMetadata(value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!isPlainObject(value)) return [{ property: "metadata", reason: "must be a map of strings" }];
  return Object.entries(value).flatMap(([k, v]): Failure[] => {
    const property = entryPath("metadata", k);
    if (isUnknown(v)) return [];
    if (typeof v !== "string") return [{ property, reason: "must be a string" }];
    const problem = CAPACITY_KEYS.includes(k) ? capacityValueProblem(v) : undefined;
    if (problem) return [{ property, reason: `${problem} (was ${shown(v)})` }];
    return [];
  });
}

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, (i) => [
    ...checkRequiredText("address", i.address),
    ...(typeof i.address === "string" && !isUnknown(i.address) && i.address !== ""
      ? ruleFailure("address", hostAddressProblem(i.address), i.address)
      : []),
    ...checkRequiredText("username", i.username),
    ...checkRequiredText("password", i.password),
    ...checkUsageTags(i.usageTags),
    ...checkType("availabilityZone", i.availabilityZone, "string"),
    ...checkMetadata(i.metadata),
    ...checkType("maintenance", i.maintenance, "boolean"),
  ]);
}

export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news, compare);
}

const fetchHost = (ctx: Context) => (id: string) => ctx.client.find<Host>(path(id));

export function outputs(host: Host, props: Props): Props {
  return {
    ...recorded(meta, props),
    address: host.address,
    username: host.username,
    password: props.password,
    usageTags: host.usageTags,
    ...(host.availabilityZone ? { availabilityZone: host.availabilityZone } : {}),
    metadata: host.metadata ?? {},
    // A SUSPENDED host (a removal or a maintenance stopped half-way, e.g. by a killed `pulumi destroy`)
    // takes no new VMs and no pool: it reads as in maintenance, so the next `up` brings it back to READY.
    maintenance: host.state === "MAINTENANCE" || host.state === "SUSPENDED",
    state: host.state,
    ...(host.esxVersion ? { esxVersion: host.esxVersion } : {}),
    ...(host.capacity ? { capacity: host.capacity } : {}),
  };
}

function post(props: Props) {
  const inputs = typed<In>(props);
  const body = {
    address: inputs.address,
    username: inputs.username,
    password: inputs.password,
    usageTags: inputs.usageTags,
    availabilityZone: inputs.availabilityZone,
    metadata: inputs.metadata ?? {},
  };
  return { listPath: "/v1/infrastructure/hosts", body, secrets: [inputs.password] };
}

/** Zone and maintenance mode, the host's only in-place changes. */
async function converge(ctx: Context, host: Host, props: Props, deadline: Deadline): Promise<void> {
  const inputs = typed<In>(props);
  if (inputs.availabilityZone && inputs.availabilityZone !== host.availabilityZone) {
    await ctx.client.run(
      {
        method: "POST",
        path: `${path(host.id)}/set_availability_zone`,
        body: { availabilityZoneId: inputs.availabilityZone },
        idempotent: true,
      },
      deadline,
    );
  }
  const want = inputs.maintenance === true;
  if (want && host.state !== "MAINTENANCE") await enterMaintenance(ctx, host, deadline);
  if (!want && host.state === "MAINTENANCE") await action(ctx, host.id, "exit-maintenance", deadline);
  if (!want && host.state === "SUSPENDED") await action(ctx, host.id, "resume", deadline);
}

/** The state each action leads to: a repeated action (after a lost answer) that finds it there is done. */
const TARGET: Readonly<Record<string, HostState>> = {
  suspend: "SUSPENDED",
  "enter-maintenance": "MAINTENANCE",
  "exit-maintenance": "READY",
  resume: "READY",
};

async function action(ctx: Context, id: string, name: string, deadline: Deadline): Promise<void> {
  try {
    await ctx.client.run({ method: "POST", path: `${path(id)}/${name}`, idempotent: true }, deadline);
  } catch (e) {
    if (!isPhotonError(e, "StateError") || !TARGET[name]) throw e;
    const now = await fetchHost(ctx)(id);
    if (now?.state !== TARGET[name]) throw e;
  }
}

/** READY -> suspended -> cluster VMs evacuated to other hosts -> MAINTENANCE. */
export async function enterMaintenance(ctx: Context, host: Host, deadline: Deadline): Promise<void> {
  if (host.state === "READY") await action(ctx, host.id, "suspend", deadline);
  const vms = await ctx.client.list<{ id: string }>(`${path(host.id)}/vms`);
  if (vms.length > 0) await action(ctx, host.id, "evacuate", deadline);
  await action(ctx, host.id, "enter-maintenance", deadline);
}

const handlers = resourceHandlers<Host>({
  meta,
  kind: "host",
  timeouts: TIMEOUTS,
  compare,
  path,
  outputs,
  post,
  converge,
});
export const { create, read, update } = handlers;

/** A host goes into maintenance (VMs evacuated) before it is removed. */
export async function remove(ctx: Context, id: string, props: Props): Promise<void> {
  const deadline = deadlineFor("host", "delete", props, TIMEOUTS);
  const host = await fetchHost(ctx)(id);
  if (!host || host.state === "DELETED") return;
  if (["READY", "SUSPENDED"].includes(host.state)) await enterMaintenance(ctx, host, deadline);
  await deleteOnce(ctx, { method: "DELETE", path: path(id) }, deadline);
}

export const host: ResourceImpl = { check, diff, ...handlers, delete: remove };
