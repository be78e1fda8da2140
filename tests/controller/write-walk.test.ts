import * as assert from "assert";
import type { Json } from "./helpers";
import {
  encodeBody,
  fillPath,
  loadOperations,
  minimalValue,
  objectSchemas,
  paramObject,
  type Operation,
} from "./openapi-walk";
import { call, json, type RawAnswer } from "./raw-http";
import {
  accessOf,
  buildWorld,
  changes,
  settle,
  short,
  snapshot,
  type Access,
  type World,
} from "./walk-world";

/** What identifies an object or says who owns it: never writable through any body. */
const IDENTITY = ["id", "tenantId", "projectId", "kind", "state", "selfLink"] as const;
type IdentityField = (typeof IDENTITY)[number];

/**
 * Properties of Photon's own API that share a name with an identity field but are data: a disk's `kind`
 * (always persistent-disk) and a flavor's `kind` (vm, ephemeral-disk, persistent-disk). Their schemas
 * are enums, so an id sent there is still refused, naming the property.
 */
const DATA_NAMED_LIKE_IDENTITY: Record<string, IdentityField[]> = {
  createDisk: ["kind"],
  createFlavor: ["kind"],
};

function errorOf(res: RawAnswer): { code: string; message: string } {
  const body = res.json as Json | undefined;
  return { code: String(body?.["code"]), message: String(body?.["message"]) };
}

/**
 * Writes take only what their schema declares: every operation of /v1/openapi.json with a request body
 * is sent a minimal valid body plus one identity field holding tenant B's ids, by tenant A's user (the
 * admin on admin-only routes, nobody on open routes). Each must be refused with InvalidEntity naming the
 * field and change nothing at all; when one is accepted, the test lists what it did to B's objects and to
 * identity fields anywhere.
 */
describe("Writes take only what their schema declares (every write of /v1/openapi.json)", function () {
  this.timeout(180_000);
  let w: World;
  let ops: Operation[];
  const access = new Map<string, Access>();

  before(async () => {
    w = await buildWorld();
    ops = (await loadOperations(w.t.anon)).filter((o) => o.body);
    for (const op of ops) access.set(op.operationId, await accessOf(w, op));
  });
  after(async () => w?.t.close());

  /** A write by A's user (the admin on admin-only routes) and its effects, once every task has ended. */
  async function write(op: Operation, path: string, body: unknown) {
    await settle(w.t);
    const before = { all: snapshot(w.t), b: snapshot(w.t, w.b) };
    const level = access.get(op.operationId);
    const who = level === "open" ? "anonymous" : level === "admin" ? "admin" : "A";
    const token = level === "open" ? undefined : level === "admin" ? w.adminToken : w.a.token;
    const res = await call(w.t.c.url, token, op.method, path, encodeBody(op, body));
    const settled = await settle(w.t);
    const after = snapshot(w.t);
    const all = changes(before.all, after);
    const ofB = changes(before.b, snapshot(w.t, w.b));
    const identity = changes(before.all, after, { fields: [...IDENTITY, "networkId"], added: false });
    return { res, who, settled, all, ofB, identity };
  }

  it("PATCH of A's network naming B's network as its id is refused and takes nothing over", async () => {
    await takeover("network", "networks");
  });

  it("PATCH of A's subnet naming B's subnet as its id is refused and takes nothing over", async () => {
    await takeover("subnet", "subnets");
  });

  /** The reported takeover: A's object patched with B's id and A's ownership. */
  async function takeover(kind: "network" | "subnet", collection: string): Promise<void> {
    const op = ops.find((o) => o.method === "PATCH" && o.path === `/v1/${collection}/{id}`);
    assert.ok(op, `PATCH /v1/${collection}/{id} is not in the document`);
    const bView = await w.b.user.get(`/v1/${collection}/${w.b.ids[kind]}`);
    const body = { id: w.b.ids[kind], projectId: w.a.projectId, tenantId: w.a.tenantId, description: "x" };
    const { res, all, ofB } = await write(op, `/v1/${collection}/${w.a.ids[kind]}`, body);
    const { code, message } = errorOf(res);
    assert.ok(ofB.length === 0, `B's objects changed (answer ${res.status}): ${ofB.join("; ")}`);
    assert.strictEqual(res.status, 400, `answered ${res.status} ${res.text}`);
    assert.strictEqual(code, "InvalidEntity", res.text);
    assert.match(message, /^(id|projectId|tenantId) is not a writable property/);
    assert.ok(all.length === 0, `a refused write changed: ${all.join("; ")}`);
    assert.deepStrictEqual((await w.b.user.get(`/v1/${collection}/${w.b.ids[kind]}`)).body, bView.body);
    const aView = await w.a.user.get(`/v1/${collection}/${w.a.ids[kind]}`);
    assert.notStrictEqual(aView.body["description"], "x");
  }

  it("every object schema of every request body declares additionalProperties (false or a schema)", () => {
    const open: string[] = [];
    for (const op of ops)
      for (const [type, schema] of Object.entries(op.body?.schemas ?? {}))
        for (const { at, schema: s } of objectSchemas(schema, "body"))
          if (s.additionalProperties === undefined || s.additionalProperties === true)
            open.push(`${op.label} ${type} ${at}`);
    assert.ok(ops.length >= 25, `only ${ops.length} operations with a body`);
    assert.ok(open.length === 0, `object schemas that take any property:\n${open.join("\n")}`);
  });

  it("refuses id, tenantId, projectId, kind, state and selfLink in every write, and changes nothing", async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const op of ops) {
      const target = op.pathParams[0] ? paramObject(op, op.pathParams[0].name) : "tenant";
      const path = fillPath(op, (key) => w.a.ids[key]);
      const bPath = selfLinkPath(op);
      for (const field of IDENTITY) {
        const declared = Object.hasOwn(op.body?.schema.properties ?? {}, field);
        if (declared && !DATA_NAMED_LIKE_IDENTITY[op.operationId]?.includes(field))
          failures.push(`${op.label} declares ${field} writable: identity fields may never be`);
        const value =
          field === "tenantId"
            ? w.b.tenantId
            : field === "projectId"
              ? w.b.projectId
              : field === "selfLink"
                ? `${w.t.c.url}${bPath}`
                : w.b.ids[target];
        const body = { ...(minimalValue(op.body?.schema ?? {}) as Json), [field]: value };
        const r = await write(op, path, body);
        cases++;
        const tag = `${op.label} as ${r.who} with ${field}=${short(value, 60)}`;
        const { code, message } = errorOf(r.res);
        if (r.res.status !== 400 || code !== "InvalidEntity" || !message.startsWith(`${field} `))
          failures.push(`${tag}: answered ${r.res.status} ${short(r.res.json ?? r.res.text, 200)}`);
        if (!r.settled) failures.push(`${tag}: its task still runs after 10 s`);
        if (r.ofB.length > 0) failures.push(`${tag}: changed B's objects: ${r.ofB.join("; ")}`);
        if (r.res.status === 400 && r.all.length > 0)
          failures.push(`${tag}: refused, yet changed ${r.all.join("; ")}`);
        if (r.res.status !== 400 && r.identity.length > 0)
          failures.push(`${tag}: changed identity fields: ${r.identity.join("; ")}`);
      }
    }
    console.log(
      `      write-walk: ${ops.length} operations with a body, ${cases} identity writes, ${failures.length} failures`,
    );
    assert.ok(cases >= 150, `only ${cases} cases`);
    assert.ok(failures.length === 0, `${failures.length} failures:\n${failures.join("\n")}`);
  });

  /** The path of B's object of the kind the operation's path names (B's tenant when it names none). */
  function selfLinkPath(op: Operation): string {
    const segments = op.path.split("/");
    const at = segments.findIndex((s) => s.startsWith("{"));
    if (at < 0) return `/v1/tenants/${w.b.tenantId}`;
    const param = segments[at]?.slice(1, -1) ?? "";
    return `${segments.slice(0, at).join("/")}/${encodeURIComponent(w.b.ids[paramObject(op, param)])}`;
  }

  it("a write of declared properties only is still accepted (the walk's control)", async () => {
    const res = await call(w.t.c.url, w.a.token, "GET", `/v1/networks/${w.a.ids.network}`);
    assert.strictEqual(res.status, 200, res.text);
    const patch = await call(
      w.t.c.url,
      w.a.token,
      "PATCH",
      `/v1/networks/${w.a.ids.network}`,
      json({ description: "after" }),
    );
    assert.ok([200, 201].includes(patch.status), patch.text);
  });
});
