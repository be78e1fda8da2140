import { randomUUID } from "crypto";
import type { ControllerOptions } from "../../controller";
import type { EntityKind } from "../../controller/model";
import { addHost, items, start, tenantWithUser, type Api, type Json, type TestController } from "./helpers";
import { fillPath, type Ids, type Operation } from "./openapi-walk";
import { call } from "./raw-http";

/**
 * The world the OpenAPI walks run in: two tenants A and B with one object of every kind each, shared
 * infrastructure in two sets (A's paths use the first, B's the second), and a sandbox tenant and user for
 * admin writes that would lock A out. Snapshots of the store tell what a request changed.
 */

export interface Tenancy {
  name: string;
  tenantId: string;
  projectId: string;
  username: string;
  user: Api;
  token: string;
  /** Its own objects, and one set of the shared ones. */
  ids: Ids;
}

export interface World {
  t: TestController;
  adminToken: string;
  a: Tenancy;
  b: Tenancy;
  /** A tenant without users and a user without a tenant: targets of admin-only writes in the fuzz. */
  sandbox: Ids;
}

type Own = Pick<
  Ids,
  "tenant" | "project" | "network" | "subnet" | "service" | "disk" | "vm" | "task" | "user"
>;
type Shared = Omit<Ids, keyof Own>;

async function tenancy(t: TestController, name: string): Promise<{ own: Own; user: Api }> {
  const { tenantId, projectId, user } = await tenantWithUser(t, name);
  const network = await user.done(user.post(`/v1/projects/${projectId}/networks`, { name: `${name}-net` }));
  const subnet = await user.done(user.post(`/v1/networks/${network}/subnets`, { name: `${name}-sub` }));
  const disk = await user.done(
    user.post(`/v1/projects/${projectId}/disks`, {
      name: `${name}-disk`,
      kind: "persistent-disk",
      flavor: "standard-disk",
      capacityGb: 1,
    }),
  );
  const clusterTask = await user.task(
    await user.post(`/v1/projects/${projectId}/services`, {
      name: `${name}-k8s`,
      type: "KUBERNETES",
      workerCount: 1,
    }),
  );
  if (clusterTask["state"] !== "COMPLETED")
    throw new Error(`${name}'s cluster: ${JSON.stringify(clusterTask)}`);
  const service = String((clusterTask["entity"] as Json)["id"]);
  const vm = String(items(await user.get(`/v1/services/${service}/vms`))[0]?.["id"]);
  const own: Own = {
    tenant: tenantId,
    project: projectId,
    network,
    subnet,
    service,
    disk,
    vm,
    task: String(clusterTask["id"]),
    user: `${name}-user`,
  };
  return { own, user };
}

async function sharedSet(t: TestController, n: number): Promise<Shared> {
  const host = await addHost(t, `10.8.0.${n}`);
  const pool = await t.admin.done(
    t.admin.post("/v1/infrastructure/storage-pools", { name: `pool-${n}`, hostIds: [host], capacityGb: 1 }),
  );
  const zone = await t.admin.done(t.admin.post("/v1/zones", { name: `zone-${n}` }));
  const nth = async (p: string) => {
    const all = items(await t.admin.get(p));
    return String(all[Math.min(n - 1, all.length - 1)]?.["id"]);
  };
  return {
    host,
    pool,
    zone,
    datastore: await nth("/v1/infrastructure/datastores"),
    flavor: await nth("/v1/flavors"),
    image: await nth("/v1/images"),
  };
}

/**
 * Starts a controller and builds the world; `names` label A's and B's objects. Faults are on at rate 0,
 * so the fault-only routes are in the document and walked too.
 */
export async function buildWorld(
  names: [string, string] = ["alpha", "bravo"],
  options: Partial<ControllerOptions> = {},
): Promise<World> {
  const t = await start({ faults: {}, ...options });
  const shared1 = await sharedSet(t, 1);
  const shared2 = await sharedSet(t, 2);
  const made = [await tenancy(t, names[0]), await tenancy(t, names[1])];
  const [a, b] = made.map((m, i): Tenancy => {
    const token = m.user.token ?? "";
    return {
      name: names[i] ?? "",
      tenantId: m.own.tenant,
      projectId: m.own.project,
      username: m.own.user,
      user: m.user,
      token,
      ids: { ...(i === 0 ? shared1 : shared2), ...m.own },
    };
  }) as [Tenancy, Tenancy];
  const sandboxTenant = await t.admin.done(
    t.admin.post("/v1/tenants", { name: "sandbox", securityGroups: ["sandbox\\members"] }),
  );
  await t.admin.post("/v1/system/users", {
    username: "sandbox-user",
    password: "pw",
    groups: ["sandbox\\none"],
  });
  // Admin-only routes take only tenants, users and shared objects; the other kinds do not exist.
  const none = (): string => randomUUID();
  const sandbox: Ids = {
    ...shared2,
    project: none(),
    network: none(),
    subnet: none(),
    service: none(),
    disk: none(),
    vm: none(),
    task: none(),
    tenant: sandboxTenant,
    user: "sandbox-user",
  };
  return { t, adminToken: t.admin.token ?? "", a, b, sandbox };
}

/** Every entity kind of the store; a kind added to the model and missing here fails to compile. */
const KINDS: Record<EntityKind, true> = {
  tenant: true,
  project: true,
  host: true,
  zone: true,
  network: true,
  subnet: true,
  datastore: true,
  "storage-pool": true,
  disk: true,
  flavor: true,
  image: true,
  service: true,
  vm: true,
  user: true,
  system: true,
};

/** `kind/id` -> the stored document, as JSON text. */
export type Snapshot = Map<string, string>;
type Owner = (kind: string, doc: Json) => boolean;

/** Every stored entity and task, or only those of one tenant (its tasks selected by the store). */
export function snapshot(t: TestController, of?: Tenancy): Snapshot {
  const store = t.c.platform.store;
  const owner = of ? ownedBy(of) : () => true;
  const out: Snapshot = new Map();
  for (const kind of Object.keys(KINDS) as EntityKind[])
    for (const doc of store.list(kind))
      if (owner(kind, doc as unknown as Json)) out.set(`${kind}/${doc.id}`, JSON.stringify(doc));
  for (const task of store.listTasks(of ? { tenantIds: [of.tenantId] } : {}))
    out.set(`task/${task.id}`, JSON.stringify(task));
  return out;
}

/** What belongs to a tenant: the tenant, what carries its tenantId (tasks included), its user. */
function ownedBy(x: Tenancy): Owner {
  return (kind, doc) =>
    doc["tenantId"] === x.tenantId ||
    (kind === "tenant" && doc["id"] === x.tenantId) ||
    (kind === "user" && doc["username"] === x.username);
}

export function short(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

/**
 * The differences between two snapshots, one line per entity. With `fields`, only changes of those
 * fields count; with `added: false`, new entities are not listed.
 */
export function changes(
  before: Snapshot,
  after: Snapshot,
  opts: { fields?: string[]; added?: boolean } = {},
): string[] {
  const out: string[] = [];
  for (const [key, doc] of before) {
    const now = after.get(key);
    if (now === undefined) out.push(`${key} removed`);
    else if (now !== doc) {
      const was = JSON.parse(doc) as Json;
      const is = JSON.parse(now) as Json;
      const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter(
        (f) => (!opts.fields || opts.fields.includes(f)) && JSON.stringify(was[f]) !== JSON.stringify(is[f]),
      );
      if (fields.length > 0)
        out.push(
          `${key} changed: ${fields.map((f) => `${f} ${short(was[f])} -> ${short(is[f])}`).join(", ")}`,
        );
    }
  }
  if (opts.added !== false) for (const key of after.keys()) if (!before.has(key)) out.push(`${key} added`);
  return out;
}

/** Waits until no task is queued or running (false after timeoutMs), so a snapshot sees every effect. */
export async function settle(t: TestController, timeoutMs = 10_000): Promise<boolean> {
  const store = t.c.platform.store;
  const deadline = Date.now() + timeoutMs;
  while (
    store.listTasks({ state: "QUEUED" }).length > 0 ||
    store.listTasks({ state: "STARTED" }).length > 0
  ) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

export type Access = "open" | "user" | "admin";

/**
 * Who may call an operation, asked of the server without side effects: A calls it with ids that do not
 * exist and a broken JSON body; only an admin-only route answers 403 AccessForbidden to that.
 */
export async function accessOf(w: World, op: Operation): Promise<Access> {
  if (op.open) return "open";
  const path = fillPath(op, (key) => (key === "user" ? "no-such-user" : randomUUID()));
  const body = op.method === "GET" ? undefined : { contentType: "application/json", text: "{" };
  const res = await call(w.t.c.url, w.a.token, op.method, path, body);
  return res.status === 403 && (res.json as Json | undefined)?.["code"] === "AccessForbidden"
    ? "admin"
    : "user";
}
