import { ApiError, invalidEntity, nameTaken, stateError } from "../http/errors";
import { loader, must, newId, omit, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute, type RequestContext } from "../http/route";
import { idParams, nameSchema, object, tagsSchema } from "../http/schemas";
import { freeCapacity } from "../hosts/capacity";
import type { Disk } from "../model";
import type { Platform } from "../platform";
import type { OperationDef } from "../tasks/operation";
import { entityTasksRoute } from "../tasks/routes";
import { reserveQuota } from "../tenants/quotas";
import { sumCosts } from "../../rules/quota-usage";
import { poolShortfall } from "../../rules/volumes";
import { datastoreUsedGb, deleteDiskNow } from "./teardown";

interface DiskBody {
  name: string;
  kind: "persistent-disk";
  flavor: string;
  capacityGb: number;
  affinities?: { kind: string; id: string }[];
  tags?: string[];
}

export const loadDisk = loader("disk", "DiskNotFound");

export function diskView(d: Disk) {
  return { ...omit(d, "tenantId", "cost", "createdTime"), kind: "persistent-disk", datastore: d.datastoreId };
}

/** The datastore a disk goes to: the affinity's pool or datastore, else the local one with most room. */
function chooseDatastore(p: Platform, d: Disk): string {
  const pinned = d.affinities.find((a) => a.kind === "storage-pool" || a.kind === "datastore");
  if (pinned?.kind === "storage-pool")
    return must(p.store.get("storage-pool", pinned.id), "storage-pool", pinned.id, "StoragePoolNotFound")
      .datastoreId;
  if (pinned)
    return must(p.store.get("datastore", pinned.id), "datastore", pinned.id, "DatastoreNotFound").id;
  const hosts = p.store
    .list("host")
    .filter((h) => h.state === "READY")
    .map((h) => ({ h, free: freeCapacity(p, h).datastoreGb }));
  hosts.sort((a, b) => b.free - a.free);
  const best = hosts[0];
  if (!best || best.free < d.capacityGb)
    throw new ApiError(400, "NotEnoughDatastoreCapacity", `no datastore has ${d.capacityGb} GB free`);
  return best.h.datastoreId;
}

function datastoreFreeGb(p: Platform, datastoreId: string): number {
  const pool = p.store.list("storage-pool").find((sp) => sp.datastoreId === datastoreId);
  if (pool) return pool.capacityGb - datastoreUsedGb(p, datastoreId);
  const host = p.store.list("host").find((h) => h.datastoreId === datastoreId);
  return host ? freeCapacity(p, host).datastoreGb : 0;
}

/**
 * Places a disk and charges it (pool or datastore room, then project and tenant quota): the disk API's
 * step and the volume provisioner's, so both refuse with the same sentence. Call inside a transaction.
 */
export function reserveDisk(p: Platform, d: Disk): Disk {
  const datastoreId = chooseDatastore(p, d);
  const free = datastoreFreeGb(p, datastoreId);
  if (free < d.capacityGb) {
    const pool = p.store.list("storage-pool").find((sp) => sp.datastoreId === datastoreId);
    const message = pool
      ? poolShortfall(pool.name, free, d.capacityGb)
      : `datastore ${datastoreId} has ${free} GB free, ${d.capacityGb} GB needed`;
    throw new ApiError(400, "NotEnoughDatastoreCapacity", message);
  }
  const type = p.store.get("datastore", datastoreId)?.type ?? "LOCAL_VMFS";
  const flavor = p.store.list("flavor").find((f) => f.name === d.flavor);
  const cost = sumCosts([flavor?.cost ?? [], sizedCost(type, d.capacityGb)]);
  reserveQuota(p, d.projectId, cost);
  const placed: Disk = { ...d, datastoreId, cost, state: "DETACHED" };
  p.store.put("disk", placed, d.projectId);
  return placed;
}

function sizedCost(datastoreType: string, gb: number) {
  return [
    { key: "persistent-disk.capacity", value: gb, unit: "GB" as const },
    { key: `storage.${datastoreType}`, value: gb, unit: "GB" as const },
  ];
}

/**
 * Grows a placed disk to `capacityGb` (the provisioner's volume expansion): the growth must fit in the
 * pool or datastore and in the quota. A size it already has is no change. Call inside a transaction.
 */
export function growDisk(p: Platform, diskId: string, capacityGb: number): Disk {
  const d = loadDisk(p, diskId);
  const growth = capacityGb - d.capacityGb;
  if (growth <= 0) return d;
  const free = datastoreFreeGb(p, d.datastoreId);
  if (free < growth) {
    const pool = p.store.list("storage-pool").find((sp) => sp.datastoreId === d.datastoreId);
    throw new ApiError(
      400,
      "NotEnoughDatastoreCapacity",
      poolShortfall(pool?.name ?? d.datastoreId, free, growth),
    );
  }
  const type = p.store.get("datastore", d.datastoreId)?.type ?? "LOCAL_VMFS";
  const more = sizedCost(type, growth);
  reserveQuota(p, d.projectId, more);
  const grown: Disk = { ...d, capacityGb, cost: sumCosts([d.cost, more]) };
  p.store.put("disk", grown, d.projectId);
  return grown;
}

export const createDisk: OperationDef<Record<string, never>> = {
  operation: "CREATE_DISK",
  steps: () => [
    {
      name: "RESERVE_CAPACITY",
      run: ({ p, entityId }) => {
        reserveDisk(p, loadDisk(p, entityId));
      },
    },
  ],
  onError: ({ p, entityId }) => {
    const d = p.store.get("disk", entityId);
    if (d) p.store.put("disk", { ...d, state: "ERROR" }, d.projectId);
  },
};
export const deleteDisk: OperationDef<Record<string, never>> = {
  operation: "DELETE_DISK",
  steps: () => [{ name: "DELETE_DISK", run: ({ p, entityId }) => deleteDiskNow(p, entityId) }],
};
export const diskOperations = [createDisk, deleteDisk];

function create(ctx: RequestContext<{ id: string }, unknown, DiskBody>) {
  const p = ctx.p;
  const project = must(p.store.get("project", ctx.params.id), "project", ctx.params.id, "ProjectNotFound");
  const b = ctx.body;
  if (p.store.list("disk", project.id).some((d) => d.name === b.name)) throw nameTaken("disk", b.name);
  if (!p.store.list("flavor").some((f) => f.name === b.flavor && f.kind === "persistent-disk")) {
    throw invalidEntity("flavor", "must name a persistent-disk flavor", b.flavor);
  }
  const disk: Disk = {
    id: newId(),
    name: b.name,
    flavor: b.flavor,
    capacityGb: b.capacityGb,
    projectId: project.id,
    tenantId: project.tenantId,
    datastoreId: "",
    affinities: b.affinities ?? [],
    state: "CREATING",
    tags: b.tags ?? [],
    cost: [],
    createdTime: Date.now(),
  };
  const task = p.engine.submit(createDisk, {
    entity: { kind: "persistent-disk", id: disk.id },
    input: {},
    tenantId: project.tenantId,
    prepare: () => p.store.put("disk", disk, project.id),
  });
  return taskReply(ctx, task);
}

export const diskRoutes: AnyRoute[] = [
  route<{ id: string }, Record<string, unknown>, DiskBody>({
    method: "POST",
    url: "/v1/projects/:id/disks",
    operationId: "createDisk",
    summary: "Create a persistent disk (affinity kind storage-pool or datastore pins its placement)",
    tag: "disks",
    access: "user",
    scope: { kind: "project" },
    params: idParams("id"),
    body: object(
      {
        name: nameSchema,
        kind: { type: "string", enum: ["persistent-disk"] },
        flavor: { type: "string" },
        capacityGb: { type: "integer", minimum: 1 },
        affinities: {
          type: "array",
          items: object({ kind: { type: "string" }, id: { type: "string" } }, ["kind", "id"]),
        },
        tags: tagsSchema,
      },
      ["name", "kind", "flavor", "capacityGb"],
    ),
    handler: create,
  }),
  listRoute({
    url: "/v1/projects/:id/disks",
    operationId: "listDisks",
    summary: "Persistent disks of a project",
    tag: "disks",
    access: "user",
    scope: "project",
    items: (ctx) => ctx.p.store.list("disk", ctx.params.id),
    view: diskView,
  }),
  getRoute({
    url: "/v1/disks/:id",
    operationId: "getDisk",
    summary: "One persistent disk",
    tag: "disks",
    access: "user",
    scope: "disk",
    load: loadDisk,
    view: diskView,
  }),
  deleteRoute({
    url: "/v1/disks/:id",
    operationId: "deleteDisk",
    summary: "Delete a disk that is not attached",
    tag: "disks",
    access: "user",
    scope: "disk",
    load: loadDisk,
    refuse: (_p, d) => {
      if (d.state === "ATTACHED") throw stateError("DELETE_DISK", "persistent-disk", d.id, d.state);
    },
    operation: deleteDisk,
    kind: "persistent-disk",
    tenantOf: (d) => d.tenantId,
  }),
  entityTasksRoute("/v1/disks/:id/tasks", "listDiskTasks", "disks", "disk"),
];
