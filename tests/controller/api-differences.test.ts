import * as assert from "assert";
import { items, type Json } from "./helpers";
import { fillPath, type Operation, loadOperations } from "./openapi-walk";
import { send } from "./raw-http";
import { buildWorld, type World } from "./walk-world";

/** The paths of /v1/openapi.json whose 200 answer declares `selfLink` (one entity, or a page of them). */
async function linkedReads(w: World): Promise<{ op: Operation; page: boolean }[]> {
  const doc = (await w.t.anon.get("/v1/openapi.json")).body;
  const paths = doc["paths"] as Record<string, Record<string, Json>>;
  const schemaOf = (op: Operation): Json | undefined => {
    const ok = (paths[op.path]?.["get"]?.["responses"] as Json | undefined)?.["200"] as Json | undefined;
    return ((ok?.["content"] as Json | undefined)?.["application/json"] as Json | undefined)?.["schema"] as
      Json | undefined;
  };
  const linked = (schema: Json | undefined) =>
    (schema?.["properties"] as Json | undefined)?.["selfLink"] !== undefined;
  const out: { op: Operation; page: boolean }[] = [];
  for (const op of await loadOperations(w.t.anon)) {
    if (op.method !== "GET") continue;
    const schema = schemaOf(op);
    const itemSchema = (schema?.["properties"] as Json | undefined)?.["items"] as Json | undefined;
    if (linked(schema)) out.push({ op, page: false });
    else if (linked(itemSchema?.["items"] as Json | undefined)) out.push({ op, page: true });
  }
  return out;
}

/**
 * Issue 13, part 4: the two differences an independent contract check found against the Photon API.
 * Entities carry `selfLink` (their absolute URL, as tasks do); quota writes take the bare map of items
 * the Photon clients sent as well as `{quotaItems: {...}}`, and stay strict either way.
 */
describe("Photon API differences: entity selfLinks and bare quota bodies", () => {
  let w: World;

  before(async () => {
    w = await buildWorld(["sl-a", "sl-b"]);
  });
  after(async () => w?.t.close());

  it("every entity read and list answers selfLink = its URL, declared in the OpenAPI document", async () => {
    const reads = await linkedReads(w);
    const kinds = new Set<string>();
    const failures: string[] = [];
    let entities = 0;
    for (const { op, page } of reads) {
      const path = fillPath(op, (key) => w.a.ids[key]);
      const res = await w.t.admin.get(path);
      if (res.status !== 200) {
        failures.push(`${op.label} ${path}: answered ${res.status}`);
        continue;
      }
      for (const entity of page ? items(res) : [res.body]) {
        entities++;
        const link = entity["selfLink"];
        if (typeof link !== "string" || !link.startsWith(`${w.t.c.url}/v1/`)) {
          failures.push(`${op.label}: selfLink ${String(link)}`);
          continue;
        }
        const again = await w.t.admin.get(link.slice(w.t.c.url.length));
        if (again.status !== 200 || again.body["id"] !== entity["id"] || again.body["selfLink"] !== link)
          failures.push(`${op.label}: ${link} answered ${again.status} ${String(again.body["id"])}`);
        kinds.add(link.slice(w.t.c.url.length).replace(/\/[^/]+$/, ""));
      }
    }
    console.log(
      `      selfLink: ${reads.length} reads, ${entities} entities, collections ${[...kinds].sort().join(" ")}`,
    );
    assert.deepStrictEqual(failures, []);
    for (const c of [
      "/v1/tenants",
      "/v1/projects",
      "/v1/infrastructure/hosts",
      "/v1/networks",
      "/v1/subnets",
      "/v1/services",
      "/v1/vms",
      "/v1/disks",
      "/v1/infrastructure/storage-pools",
      "/v1/infrastructure/datastores",
      "/v1/zones",
      "/v1/flavors",
      "/v1/images",
    ])
      assert.ok(kinds.has(c), `no entity of ${c} was read`);
  });

  it("selfLink follows the host and scheme the caller used, after id and kind", async () => {
    const res = await send(w.t.c.url, {
      method: "GET",
      path: `/v1/tenants/${w.a.tenantId}`,
      headers: { host: "photon.example:8443", authorization: `Bearer ${w.adminToken}` },
    });
    const body = res.json as Json;
    assert.deepStrictEqual(Object.keys(body).slice(0, 3), ["id", "kind", "selfLink"]);
    assert.strictEqual(body["selfLink"], `http://photon.example:8443/v1/tenants/${w.a.tenantId}`);
  });

  it("quota PUT, PATCH and DELETE take the bare map of items as well as {quotaItems}", async () => {
    const quota = `/v1/projects/${w.a.projectId}/quota`;
    const read = async () => (await w.a.user.get(quota)).body["quotaItems"] as Record<string, Json>;
    await w.a.user.done(
      w.a.user.put(quota, { "vm.memory": { limit: 16, unit: "GB" }, vm: { limit: 50, unit: "COUNT" } }),
    );
    assert.deepStrictEqual(Object.keys(await read()).sort(), ["vm", "vm.memory"]);
    await w.a.user.done(w.a.user.patch(quota, { "vm.cpu": { limit: 8, unit: "COUNT" } }));
    assert.deepStrictEqual((await read())["vm.cpu"], { limit: 8, unit: "COUNT", usage: 0 });
    await w.a.user.done(w.a.user.del(quota, { "vm.cpu": {} }));
    await w.a.user.done(w.a.user.del(quota, { quotaItems: { "vm.memory": { limit: 16, unit: "GB" } } }));
    assert.deepStrictEqual(Object.keys(await read()), ["vm"]);
    await w.t.admin.done(
      w.t.admin.patch(`/v1/tenants/${w.b.tenantId}/quota`, { "vm.cost": { limit: 9, unit: "COUNT" } }),
    );
    const tenantQuota = (await w.t.admin.get(`/v1/tenants/${w.b.tenantId}/quota`)).body["quotaItems"] as Json;
    assert.deepStrictEqual(tenantQuota["vm.cost"], { limit: 9, unit: "COUNT", usage: 0 });
  });

  it("a bare quota body is as strict as a wrapped one, and its errors name the item without a prefix", async () => {
    const quota = `/v1/projects/${w.a.projectId}/quota`;
    const before = (await w.a.user.get(quota)).body;
    const table: Array<[string, "PUT" | "PATCH" | "DELETE", unknown, string]> = [
      ["null item", "PUT", { vm: null }, "vm may not be null (was null)"],
      [
        "unknown field",
        "PATCH",
        { vm: { limit: 1, unit: "COUNT", owner: "x" } },
        'vm.owner is not a writable property (was "x")',
      ],
      ["missing unit", "PUT", { vm: { limit: 1 } }, "vm.unit may not be null (was null)"],
      [
        "bad key",
        "PATCH",
        { "VM!": { limit: 1, unit: "COUNT" } },
        'VM! is not a quota key such as vm.cpu or storage.VSAN (was "VM!")',
      ],
      [
        "bad unit",
        "PUT",
        { "vm.memory": { limit: 1, unit: "COUNT" } },
        'vm.memory.unit must be a size unit (GB, MB, KB, B) for vm.memory (was "COUNT")',
      ],
      [
        "wrapped bad key",
        "PATCH",
        { quotaItems: { "Bad Key": { limit: 1, unit: "COUNT" } } },
        'quotaItems.Bad Key is not a quota key such as vm.cpu or storage.VSAN (was "Bad Key")',
      ],
      [
        "both forms",
        "PUT",
        { quotaItems: {}, vm: { limit: 1, unit: "COUNT" } },
        'vm may not be sent beside quotaItems (send the items bare or wrapped) (was "vm")',
      ],
      [
        "delete unknown field",
        "DELETE",
        { vm: { owner: "x" } },
        'vm.owner is not a writable property (was "x")',
      ],
      ["delete null", "DELETE", { vm: null }, "vm may not be null (was null)"],
      [
        "delete bad key",
        "DELETE",
        { "No Such": {} },
        'No Such is not a quota key such as vm.cpu or storage.VSAN (was "No Such")',
      ],
      ["quotaItems null", "PATCH", { quotaItems: null }, "quotaItems may not be null (was null)"],
    ];
    for (const [name, method, body, message] of table) {
      const res = await w.a.user.call(method, quota, body);
      assert.deepStrictEqual(
        [res.status, res.body["code"], res.body["message"]],
        [400, "InvalidEntity", message],
        name,
      );
    }
    assert.deepStrictEqual((await w.a.user.get(quota)).body, before, "nothing changed");
  });
});
