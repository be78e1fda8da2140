import type { CheckResult, DiffResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { PhotonError } from "../client";
import { StoragePool } from "../client/types";
import { RESOURCE_META, StoragePoolInputs } from "../generated/schema";
import {
  checkName,
  checkStringArray,
  checkType,
  Failure,
  identityTag,
  isUnknown,
  Props,
  sameSet,
  schemaDiff,
  typed,
} from "./common";
import { deleteOnce, GONE, settle, SettleSpec } from "./lifecycle";
import { obtain } from "./adopt";
import { Operation } from "./timeouts";
import { checked, deadlineFor, MINUTE, readAnswer, recorded } from "./shared";
import { Context, Created, ResourceImpl } from "./types";

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
    (!Number.isInteger(capacityGb) || (capacityGb as number) < 1)
  ) {
    failures.push({
      property: "capacityGb",
      reason: `must be a whole number of GB of at least 1 (was ${JSON.stringify(capacityGb)})`,
    });
  }
  if (!isUnknown(ftt) && (!Number.isInteger(ftt) || (ftt as number) < 0 || (ftt as number) > 3)) {
    failures.push({
      property: "failuresToTolerate",
      reason: `must be 0, 1, 2 or 3 (was ${JSON.stringify(ftt)})`,
    });
    return failures;
  }
  if (!Array.isArray(hostIds) || isUnknown(ftt)) return failures;
  const known = hostIds.filter((h) => !isUnknown(h));
  const dupe = known.find((h, i) => known.indexOf(h) !== i);
  if (dupe !== undefined) failures.push({ property: "hostIds", reason: `lists host ${String(dupe)} twice` });
  const need = 2 * (ftt as number) + 1;
  if (hostIds.length < need) {
    failures.push({
      property: "hostIds",
      reason: `must list at least ${need} hosts to tolerate ${String(ftt)} failures (2 * failuresToTolerate + 1; was ${hostIds.length})`,
    });
  }
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

const fetchPool = (ctx: Context) => (id: string) => ctx.client.find<StoragePool>(path(id));

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
    state: pool.state,
  };
}

function spec(ctx: Context, props: Props, op: Operation): SettleSpec<StoragePool> {
  const deadline = deadlineFor("storage pool", op, props, TIMEOUTS);
  return { kind: "storage pool", fetch: fetchPool(ctx), outputs: (p) => outputs(p, props), deadline };
}

export async function create(ctx: Context, props: Props): Promise<Created> {
  const inputs = typed<In>(props);
  const tag = identityTag(inputs.identity);
  const body = {
    name: inputs.name,
    hostIds: inputs.hostIds,
    capacityGb: inputs.capacityGb,
    failuresToTolerate: inputs.failuresToTolerate ?? 0,
    tags: tag ? [tag] : [],
  };
  const pool = await obtain<StoragePool>(ctx, meta, props, {
    compare,
    ...spec(ctx, props, "create"),
    listPath: ROOT,
    tag,
    post: { method: "POST", path: ROOT, body },
  });
  return { id: pool.id, outs: outputs(await converge(ctx, pool, props), props) };
}

/**
 * Members and capacity. Shrinking resizes before members leave (the capacity must fit the remaining
 * hosts); growing adds members before it resizes.
 */
async function converge(ctx: Context, pool: StoragePool, props: Props): Promise<StoragePool> {
  const inputs = typed<In>(props);
  const deadline = deadlineFor("storage pool", "update", props, TIMEOUTS);
  const setHosts = async () => {
    if (!sameSet(pool.hostIds, inputs.hostIds)) {
      await ctx.client.run(
        {
          method: "POST",
          path: `${path(pool.id)}/set_hosts`,
          body: { hostIds: inputs.hostIds },
          idempotent: true,
        },
        deadline,
      );
    }
  };
  const resize = async () => {
    if (pool.capacityGb !== inputs.capacityGb) {
      await ctx.client.run(
        {
          method: "POST",
          path: `${path(pool.id)}/resize`,
          body: { capacityGb: inputs.capacityGb },
          idempotent: true,
        },
        deadline,
      );
    }
  };
  const steps = inputs.capacityGb < pool.capacityGb ? [resize, setHosts] : [setHosts, resize];
  for (const step of steps) await step();
  const now = await fetchPool(ctx)(pool.id);
  if (!now)
    throw new PhotonError({
      code: "NotFound",
      message: `storage pool ${pool.id} was deleted while it was being updated`,
    });
  return now;
}

export async function read(ctx: Context, id: string, props: Props): Promise<ReadResult<Props>> {
  const pool = await fetchPool(ctx)(id);
  return pool ? readAnswer(meta, id, outputs(pool, props)) : GONE;
}

export async function update(ctx: Context, id: string, _olds: Props, news: Props): Promise<{ outs: Props }> {
  const pool = await settle(ctx, spec(ctx, news, "update"), id);
  return { outs: outputs(await converge(ctx, pool, news), news) };
}

/** Refused by the server while disks use the pool, unless forceDestroy (detached disks are deleted). */
export async function remove(ctx: Context, id: string, props: Props): Promise<void> {
  const query = props.forceDestroy === true ? { force: true } : undefined;
  await deleteOnce(
    ctx,
    { method: "DELETE", path: path(id), query },
    deadlineFor("storage pool", "delete", props, TIMEOUTS),
  );
}

export const storagePool: ResourceImpl = { check, diff, create, read, update, delete: remove };
