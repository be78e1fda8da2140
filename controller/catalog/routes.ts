import { ApiError, invalidEntity, nameTaken } from "../http/errors";
import { loader, newId, taskReply } from "../http/replies";
import { deleteRoute, getRoute, listRoute } from "../http/resource";
import { route, type AnyRoute } from "../http/route";
import { listQueryWith, nameSchema, object, tagsSchema } from "../http/schemas";
import type { Cost, Flavor, Image } from "../model";
import type { Platform } from "../platform";
import { inlineOp } from "../tasks/inline";

export const createFlavor = inlineOp<Flavor>("CREATE_FLAVOR", (p, f) => p.store.put("flavor", f));
export const deleteFlavor = inlineOp<Record<string, never>>("DELETE_FLAVOR", (p, _i, id) =>
  p.store.delete("flavor", id),
);
export const catalogOperations = [createFlavor, deleteFlavor];

const loadFlavor = loader("flavor", "FlavorNotFound");

/** A vm flavor needs vm.cpu in COUNT and vm.memory in a size unit. Pure. */
export function flavorCostProblem(kind: Flavor["kind"], cost: Cost[]): string | undefined {
  if (kind !== "vm") return undefined;
  const cpu = cost.find((c) => c.key === "vm.cpu");
  const memory = cost.find((c) => c.key === "vm.memory");
  if (!cpu || cpu.unit !== "COUNT") return "must hold vm.cpu in COUNT";
  if (!memory || memory.unit === "COUNT") return "must hold vm.memory in GB, MB, KB or B";
  return undefined;
}

function flavorView(f: Flavor) {
  return { id: f.id, kind: f.kind, name: f.name, cost: f.cost, state: f.state, tags: f.tags };
}

function imageView(i: Image) {
  return {
    id: i.id,
    kind: "image",
    name: i.name,
    state: i.state,
    size: i.size,
    kubernetesVersion: i.kubernetesVersion,
    settings: [{ name: "kubernetes_version", defaultValue: i.kubernetesVersion }],
    tags: i.tags,
  };
}

function flavorInUse(p: Platform, f: Flavor): boolean {
  const clusters = p.store
    .list("service")
    .some((c) => [c.masterVmFlavorName, c.otherVmFlavorName, c.diskFlavorName].includes(f.name));
  return (
    clusters ||
    p.store.list("disk").some((d) => d.flavor === f.name) ||
    p.store.list("vm").some((v) => v.flavor === f.name)
  );
}

const costSchema = {
  type: "array",
  items: object(
    {
      key: { type: "string", minLength: 1 },
      value: { type: "number", minimum: 0 },
      unit: { type: "string", enum: ["GB", "MB", "KB", "B", "COUNT"] },
    },
    ["key", "value", "unit"],
  ),
};

export const catalogRoutes: AnyRoute[] = [
  route<
    Record<string, string>,
    Record<string, unknown>,
    { name: string; kind: Flavor["kind"]; cost: Cost[]; tags?: string[] }
  >({
    method: "POST",
    url: "/v1/flavors",
    operationId: "createFlavor",
    summary: "Create a flavor",
    tag: "flavors",
    access: "admin",
    body: object(
      {
        name: nameSchema,
        kind: { type: "string", enum: ["vm", "ephemeral-disk", "persistent-disk"] },
        cost: costSchema,
        tags: tagsSchema,
      },
      ["name", "kind", "cost"],
    ),
    handler: (ctx) => {
      const b = ctx.body;
      if (ctx.p.store.list("flavor").some((f) => f.name === b.name && f.kind === b.kind))
        throw nameTaken("flavor", b.name);
      const problem = flavorCostProblem(b.kind, b.cost);
      if (problem) throw invalidEntity("cost", problem, b.cost);
      const flavor: Flavor = {
        id: newId(),
        name: b.name,
        kind: b.kind,
        cost: b.cost,
        state: "READY",
        tags: b.tags ?? [],
        createdTime: Date.now(),
      };
      return taskReply(
        ctx,
        ctx.p.engine.submit(createFlavor, {
          entity: { kind: "flavor", id: flavor.id },
          input: flavor,
          tenantId: null,
        }),
      );
    },
  }),
  listRoute({
    url: "/v1/flavors",
    operationId: "listFlavors",
    summary: "Flavors, optionally by kind",
    tag: "flavors",
    access: "user",
    query: listQueryWith({ kind: { type: "string" } }),
    items: (ctx, q) => ctx.p.store.list("flavor").filter((f) => q.kind === undefined || f.kind === q.kind),
    view: flavorView,
  }),
  getRoute({
    url: "/v1/flavors/:id",
    operationId: "getFlavor",
    summary: "One flavor",
    tag: "flavors",
    access: "user",
    load: loadFlavor,
    view: flavorView,
  }),
  deleteRoute({
    url: "/v1/flavors/:id",
    operationId: "deleteFlavor",
    summary: "Delete a flavor nothing uses",
    tag: "flavors",
    access: "admin",
    load: loadFlavor,
    refuse: (p, f) => {
      if (flavorInUse(p, f)) throw new ApiError(400, "FlavorInUse", `flavor ${f.name} is in use`);
    },
    operation: deleteFlavor,
    kind: "flavor",
    tenantOf: () => null,
  }),
  listRoute({
    url: "/v1/images",
    operationId: "listImages",
    summary: "Images (one per supported Kubernetes version)",
    tag: "images",
    access: "user",
    items: (ctx) => ctx.p.store.list("image"),
    view: imageView,
  }),
  getRoute({
    url: "/v1/images/:id",
    operationId: "getImage",
    summary: "One image",
    tag: "images",
    access: "user",
    load: loader("image", "ImageNotFound"),
    view: imageView,
  }),
];
