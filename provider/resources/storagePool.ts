import { poolMembersProblem } from "../../rules/capacity";
import { storageClassNameOf } from "../../rules/volumes";
import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { type Deadline } from "../client";
import { type StoragePool } from "../client/types";
import { RESOURCE_META, type StoragePoolInputs } from "../generated/schema";
import { isUnknown, type Props, recorded, typed } from "./props";
import { checkName, checkStringArray, checkType, type Failure } from "./failures";
import { sameSet, schemaDiff } from "./diff";
import { resourceHandlers } from "./handlers";
import { checked } from "./checkResult";
import { MINUTE } from "./timeouts";
import { bare, firstDuplicate, shown } from "./wording";
import type { Context, ResourceImpl } from "./resourceImpl";

const meta = RESOURCE_META.StoragePool;
const TIMEOUTS = { create: 20 * MINUTE, update: 20 * MINUTE, delete: 20 * MINUTE };
const ROOT = "/v1/infrastructure/storage-pools";
const path = (id: string) => `${ROOT}/${encodeURIComponent(id)}`;
const compare = { hostIds: sameSet };
type In = StoragePoolInputs & { readonly identity?: string };

/** Host count, capacity and failures-to-tolerate rules of the server, known values only. */
export function checkPoolSizing(hostIds: unknown, capacityGb: unknown, ftt: unknown): Failure[] {
  const failures: Failure[] = [];
  if (
    !isUnknown(capacityGb) &&
    capacityGb !== undefined &&
    (!Number.isSafeInteger(capacityGb) || (capacityGb as number) < 1)
  ) {
    failures.push({
      property: "capacityGb",
      reason: `must be a whole number of GB of at least 1 (was ${shown(capacityGb)})`,
    });
  }
  if (!isUnknown(ftt) && (!Number.isInteger(ftt) || (ftt as number) < 0 || (ftt as number) > 3)) {
    failures.push({ property: "failuresToTolerate", reason: `must be 0, 1, 2 or 3 (was ${shown(ftt)})` });
    return failures;
  }
  if (!Array.isArray(hostIds) || isUnknown(ftt)) return failures;
  const dupe = firstDuplicate(hostIds.filter((h) => !isUnknown(h)));
  if (dupe) failures.push({ property: "hostIds", reason: `lists host ${bare(dupe.value)} twice` });
  const tooFew = poolMembersProblem(hostIds.length, ftt as number);
  if (tooFew) failures.push({ property: "hostIds", reason: `${tooFew} (was ${shown(hostIds)})` });
  return failures;
}

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, (i) => [
    ...checkName("name", i.name),
    ...checkStringArray("hostIds", i.hostIds),
    ...checkPoolSizing(i.hostIds, i.capacityGb, i.failuresToTolerate),
    ...checkType("forceDestroy", i.forceDestroy, "boolean"),
  ]);
}

export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news, compare);
}

/** Member hosts in the order the program lists them when the sets agree (no diff from order alone). */
function orderedHosts(live: string[], declared: unknown): string[] {
  return Array.isArray(declared) && sameSet(live, declared) ? (declared as string[]) : live;
}

export function outputs(pool: StoragePool, props: Props): Props {
  return {
    ...recorded(meta, props),
    name: pool.name,
    hostIds: orderedHosts(pool.hostIds, props.hostIds),
    capacityGb: pool.capacityGb,
    failuresToTolerate: pool.failuresToTolerate,
    forceDestroy: props.forceDestroy ?? false,
    usedGb: pool.usedGb,
    ...(pool.datastoreId ? { datastoreId: pool.datastoreId } : {}),
    storageClassName: storageClassNameOf(pool.name),
    state: pool.state,
  };
}

function post(props: Props) {
  const inputs = typed<In>(props);
  const body = {
    name: inputs.name,
    hostIds: inputs.hostIds,
    capacityGb: inputs.capacityGb,
    failuresToTolerate: inputs.failuresToTolerate ?? 0,
  };
  return { listPath: ROOT, body };
}

/**
 * Members and capacity. Shrinking resizes before members leave (the capacity must fit the remaining
 * hosts); growing adds members before it resizes.
 */
async function converge(ctx: Context, pool: StoragePool, props: Props, deadline: Deadline): Promise<void> {
  const inputs = typed<In>(props);
  const action = (name: string, body: Props) =>
    ctx.client.run({ method: "POST", path: `${path(pool.id)}/${name}`, body, idempotent: true }, deadline);
  const setHosts = async () => {
    if (!sameSet(pool.hostIds, inputs.hostIds)) await action("set_hosts", { hostIds: inputs.hostIds });
  };
  const resize = async () => {
    if (pool.capacityGb !== inputs.capacityGb) await action("resize", { capacityGb: inputs.capacityGb });
  };
  const steps = inputs.capacityGb < pool.capacityGb ? [resize, setHosts] : [setHosts, resize];
  for (const step of steps) await step();
}

/** The server refuses while disks use the pool, unless forceDestroy (detached disks are deleted). */
const deleteQuery = (props: Props) => (props.forceDestroy === true ? { force: true } : undefined);

const handlers = resourceHandlers<StoragePool>({
  meta,
  kind: "storage pool",
  timeouts: TIMEOUTS,
  compare,
  path,
  outputs,
  post,
  converge,
  deleteQuery,
});
export const { create, read, update, delete: remove } = handlers;

export const storagePool: ResourceImpl = { check, diff, ...handlers };
