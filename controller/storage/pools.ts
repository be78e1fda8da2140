import { poolMembersProblem } from "../../rules/capacity";
import { ApiError, invalidEntity, nameTaken, stateError } from "../http/errors";
import { loader, must, newId, omit, taskReply } from "../http/replies";
import { getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, nameSchema, object, tagsSchema } from "../http/schemas";
import { freeCapacity, poolShareGb } from "../hosts/capacity";
import type { StoragePool } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { entityTasksRoute } from "../tasks/routes";
import { datastoreUsedGb, deleteDiskNow } from "./teardown";

export const loadPool = loader("storage-pool", "StoragePoolNotFound");

export function poolView(p: Platform, sp: StoragePool) {
  return { ...omit(sp, "createdTime"), kind: "storage-pool", usedGb: datastoreUsedGb(p, sp.datastoreId) };
}

/** Failures to tolerate need 2 * ftt + 1 member hosts, each READY or MAINTENANCE. Pure check on states. */
export function membersProblem(hostStates: (string | undefined)[], ftt: number): string | undefined {
  const tooFew = poolMembersProblem(hostStates.length, ftt);
  if (tooFew) return tooFew;
  if (hostStates.some((s) => s === undefined)) return "must name existing hosts";
  if (hostStates.some((s) => s !== "READY" && s !== "MAINTENANCE"))
    return "must name hosts in state READY or MAINTENANCE";
  return undefined;
}

function checkMembers(p: Platform, hostIds: string[], ftt: number): void {
  if (new Set(hostIds).size !== hostIds.length)
    throw invalidEntity("hostIds", "must not repeat a host", hostIds);
  const problem = membersProblem(
    hostIds.map((id) => p.store.get("host", id)?.state),
    ftt,
  );
  if (problem) throw invalidEntity("hostIds", problem, hostIds);
}

/** Each member must have room for its share of the pool (NotEnoughDatastoreCapacity). */
function checkRoom(p: Platform, sp: StoragePool): void {
  const share = poolShareGb(sp.capacityGb, sp.failuresToTolerate, sp.hostIds.length);
  for (const id of sp.hostIds) {
    const free = freeCapacity(p, must(p.store.get("host", id), "host", id), sp.id).datastoreGb;
    if (free < share)
      throw new ApiError(
        400,
        "NotEnoughDatastoreCapacity",
        `host ${id} has ${free} GB free, the pool needs ${share} GB on it`,
      );
  }
}

/** The pool's VSAN datastore, spanning its member hosts; keeps the datastore's creation time. */
function putPoolDatastore(p: Platform, sp: StoragePool): void {
  p.store.put("datastore", {
    id: sp.datastoreId,
    name: sp.name,
    type: "VSAN",
    tags: ["VSAN"],
    storagePoolId: sp.id,
    hostIds: sp.hostIds,
    createdTime: p.store.get("datastore", sp.datastoreId)?.createdTime ?? Date.now(),
  });
}

function poolOp<I>(operation: string, apply: (sp: StoragePool, input: I) => StoragePool): OperationDef<I> {
  return {
    operation,
    steps: () => [
      {
        name: operation,
        run: ({ p, input, entityId }) => {
          const next = apply(loadPool(p, entityId), input);
          checkRoom(p, next);
          p.store.put("storage-pool", { ...next, state: "READY" });
          putPoolDatastore(p, next);
        },
      },
    ],
    onError: ({ p, entityId }) => {
      const sp = p.store.get("storage-pool", entityId);
      if (sp?.state === "CREATING") p.store.put("storage-pool", { ...sp, state: "ERROR" });
    },
  };
}

export const createPool = poolOp<Record<string, never>>("CREATE_STORAGE_POOL", (sp) => sp);
export const resizePool = poolOp<{ capacityGb: number }>("RESIZE_STORAGE_POOL", (sp, i) => ({
  ...sp,
  capacityGb: i.capacityGb,
}));
export const setPoolHosts = poolOp<{ hostIds: string[] }>("SET_STORAGE_POOL_HOSTS", (sp, i) => ({
  ...sp,
  hostIds: i.hostIds,
}));
export const deletePool: OperationDef<Record<string, never>> = {
  operation: "DELETE_STORAGE_POOL",
  steps: () => [
    {
      name: "DELETE_STORAGE_POOL",
      run: ({ p, entityId }) => {
        const sp = loadPool(p, entityId);
        for (const d of p.store.list("disk").filter((x) => x.datastoreId === sp.datastoreId))
          deleteDiskNow(p, d.id);
        p.store.delete("datastore", sp.datastoreId);
        p.store.delete("storage-pool", sp.id);
      },
    },
  ],
};
export const poolOperations = [createPool, resizePool, setPoolHosts, deletePool];

interface PoolBody {
  name: string;
  hostIds: string[];
  capacityGb: number;
  failuresToTolerate?: number;
  tags?: string[];
}

function create(ctx: RequestContext<unknown, unknown, PoolBody>) {
  const b = ctx.body;
  if (ctx.p.store.list("storage-pool").some((sp) => sp.name === b.name))
    throw nameTaken("storage-pool", b.name);
  const ftt = b.failuresToTolerate ?? 0;
  checkMembers(ctx.p, b.hostIds, ftt);
  const sp: StoragePool = {
    id: newId(),
    name: b.name,
    hostIds: b.hostIds,
    capacityGb: b.capacityGb,
    failuresToTolerate: ftt,
    tags: b.tags ?? [],
    datastoreId: newId(),
    state: "CREATING",
    createdTime: Date.now(),
  };
  const task = ctx.p.engine.submit(createPool, {
    entity: { kind: "storage-pool", id: sp.id },
    input: {},
    tenantId: null,
    prepare: () => ctx.p.store.put("storage-pool", sp),
  });
  return taskReply(ctx, task);
}

function readyPool(p: Platform, id: string, op: string): StoragePool {
  const sp = loadPool(p, id);
  if (sp.state !== "READY") throw stateError(op, "storage-pool", sp.id, sp.state);
  return sp;
}

function submit<I>(ctx: RequestContext<{ id: string }, unknown, unknown>, def: OperationDef<I>, input: I) {
  return taskReply(
    ctx,
    ctx.p.engine.submit(def, { entity: { kind: "storage-pool", id: ctx.params.id }, input, tenantId: null }),
  );
}

function poolDelete(ctx: RequestContext<{ id: string }, { force?: boolean }, unknown>) {
  const sp = loadPool(ctx.p, ctx.params.id);
  const clusters = ctx.p.store.list("service").filter((c) => c.storagePoolId === sp.id).length;
  const disks = ctx.p.store.list("disk").filter((d) => d.datastoreId === sp.datastoreId);
  const attached = disks.filter((d) => d.state === "ATTACHED").length;
  if (clusters > 0 || attached > 0 || (disks.length > 0 && !ctx.query.force)) {
    const what = `${clusters} cluster(s), ${disks.length} disk(s) of which ${attached} attached`;
    throw new ApiError(400, "StoragePoolInUse", `storage pool ${sp.name} is used by ${what}`);
  }
  return submit(ctx, deletePool, {});
}

export const poolRoutes: AnyRoute[] = [
  route<Record<string, string>, Record<string, unknown>, PoolBody>({
    method: "POST",
    url: "/v1/infrastructure/storage-pools",
    operationId: "createStoragePool",
    summary: "Create an elastic vSAN storage pool on member hosts (extension)",
    tag: "storage-pools",
    access: "admin",
    body: object(
      {
        name: nameSchema,
        hostIds: { type: "array", minItems: 1, items: { type: "string" } },
        capacityGb: { type: "integer", minimum: 1 },
        failuresToTolerate: { type: "integer", minimum: 0, maximum: 3 },
        tags: tagsSchema,
      },
      ["name", "hostIds", "capacityGb"],
    ),
    handler: create,
  }),
  listRoute({
    url: "/v1/infrastructure/storage-pools",
    operationId: "listStoragePools",
    summary: "Storage pools",
    tag: "storage-pools",
    access: "admin",
    items: (ctx) => ctx.p.store.list("storage-pool"),
    view: (sp, p) => poolView(p, sp),
  }),
  getRoute({
    url: "/v1/infrastructure/storage-pools/:id",
    operationId: "getStoragePool",
    summary: "One storage pool",
    tag: "storage-pools",
    access: "admin",
    load: loadPool,
    view: (sp, p) => poolView(p, sp),
  }),
  route<{ id: string }, Record<string, unknown>, { capacityGb: number }>({
    method: "POST",
    url: "/v1/infrastructure/storage-pools/:id/resize",
    operationId: "resizeStoragePool",
    summary: "Grow or shrink the pool (never below what is used)",
    tag: "storage-pools",
    access: "admin",
    params: idParams("id"),
    body: object({ capacityGb: { type: "integer", minimum: 1 } }, ["capacityGb"]),
    handler: (ctx) => {
      const sp = readyPool(ctx.p, ctx.params.id, "RESIZE_STORAGE_POOL");
      const used = datastoreUsedGb(ctx.p, sp.datastoreId);
      if (ctx.body.capacityGb < used)
        throw invalidEntity(
          "capacityGb",
          `must not be below what storage pool ${sp.name} holds, ${used} GB`,
          ctx.body.capacityGb,
        );
      return submit(ctx, resizePool, ctx.body);
    },
  }),
  route<{ id: string }, Record<string, unknown>, { hostIds: string[] }>({
    method: "POST",
    url: "/v1/infrastructure/storage-pools/:id/set_hosts",
    operationId: "setStoragePoolHosts",
    summary: "Replace the member hosts (same failures-to-tolerate rule)",
    tag: "storage-pools",
    access: "admin",
    params: idParams("id"),
    body: object({ hostIds: { type: "array", minItems: 1, items: { type: "string" } } }, ["hostIds"]),
    handler: (ctx) => {
      const sp = readyPool(ctx.p, ctx.params.id, "SET_STORAGE_POOL_HOSTS");
      checkMembers(ctx.p, ctx.body.hostIds, sp.failuresToTolerate);
      return submit(ctx, setPoolHosts, ctx.body);
    },
  }),
  route<{ id: string }, { force?: boolean }>({
    method: "DELETE",
    url: "/v1/infrastructure/storage-pools/:id",
    operationId: "deleteStoragePool",
    summary: "Delete a pool; with ?force=true its detached disks first",
    tag: "storage-pools",
    access: "admin",
    params: idParams("id"),
    query: object({ force: { type: "boolean" } }),
    handler: poolDelete,
  }),
  entityTasksRoute("/v1/infrastructure/storage-pools/:id/tasks", "listStoragePoolTasks", "storage-pools", {
    admin: "storage-pool",
    notFound: "StoragePoolNotFound",
  }),
];
