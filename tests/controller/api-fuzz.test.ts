import * as assert from "assert";
import * as fc from "fast-check";
import type { FuzzContext } from "./fuzz-values";
import { caseArb, type CallerName, type FuzzBody, type FuzzCase } from "./fuzz-requests";
import { FuzzRun } from "./fuzz-run";
import { loadOperations, type Operation } from "./openapi-walk";
import { accessOf, buildWorld, type Access, type World } from "./walk-world";

/**
 * A property-based fuzz of the whole API, generated from /v1/openapi.json with fast-check: for every
 * operation, random and hostile inputs as tenant A's user, tenant B's user, an anonymous caller (and the
 * admin on admin-only routes). FUZZ_SEED fixes the seed (default below), FUZZ_RUNS the random inputs per
 * operation, PHOTON_FUZZ_LONG=1 makes a long run. The rules checked are in fuzz-run.ts.
 */
const SEED = Number(process.env["FUZZ_SEED"] ?? 20_240_808);
const RUNS = Number(process.env["FUZZ_RUNS"] ?? (process.env["PHOTON_FUZZ_LONG"] === "1" ? 200 : 12));

/** Destructive deletes go last, children before parents, so the other operations still find objects. */
const DELETE_ORDER = [
  "subnets",
  "networks",
  "disks",
  "services",
  "users",
  "zones",
  "flavors",
  "storage-pools",
  "hosts",
  "projects",
  "tenants",
];
function rank(op: Operation): number {
  if (op.method !== "DELETE" || op.path.endsWith("/quota")) return 0;
  const collection = op.path.split("/").slice(-2, -1)[0] ?? "";
  return 1 + (DELETE_ORDER.indexOf(collection) + 1 || DELETE_ORDER.length + 1);
}

describe("A property-based fuzz test of the API (every operation of /v1/openapi.json)", function () {
  this.timeout(120_000);
  let w: World;
  let ops: Operation[];
  const access = new Map<string, Access>();
  let run: FuzzRun;
  let ctx: FuzzContext;

  before(async () => {
    w = await buildWorld(["alphaLeakQ", "bravoLeakQ"]);
    ops = await loadOperations(w.t.anon);
    for (const op of ops) access.set(op.operationId, await accessOf(w, op));
    const idsOf = (x: World["a"]) => Object.values(x.ids).filter((id) => id !== x.username);
    ctx = {
      marker: `S3cr3t-${SEED.toString(36)}-Zq`,
      refs: [...new Set([...idsOf(w.a), ...idsOf(w.b), "standard-disk", "cluster-other-vm"])],
    };
    run = new FuzzRun(w, ctx);
  });
  after(async () => {
    if (run)
      console.log(`      api-fuzz: seed ${SEED}, ${RUNS} random inputs per operation; ${run.summary()}`);
    await w?.t.close();
  });

  function op(id: string): Operation {
    const found = ops.find((o) => o.operationId === id);
    assert.ok(found, `operation ${id} is not in the document`);
    return found;
  }

  /** A fixed case: caller, url, body text and content type, and what the answer must be. */
  function fixed(caller: CallerName, url: string, body: FuzzBody): FuzzCase {
    return { caller, url, expectApplies: true, body };
  }
  const json = (value: unknown, note: string, expect?: FuzzBody["expect"]): FuzzBody => ({
    text: typeof value === "string" ? value : JSON.stringify(value),
    contentType: "application/json",
    note,
    ...(expect && { expect }),
  });
  const invalidEntity = (property: string) => ({ status: 400, codes: ["InvalidEntity"], property });

  it("answers the review's hostile inputs with 4xx errors that hide secrets and cut long values", async () => {
    const m = ctx.marker;
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const huge = "a".repeat(900_000);
    const login = { grant_type: "password", username: w.a.username, password: m };
    const host = { address: "10.9.9.9", username: "root", password: m };
    const a = w.a.ids;
    const cases: [string, FuzzCase][] = [
      [
        "issueToken",
        fixed(
          "anonymous",
          "/openidconnect/token",
          json(deep, "5000 levels", { status: 400, codes: ["InvalidJson"] }),
        ),
      ],
      [
        "issueToken",
        fixed("anonymous", "/openidconnect/token", json([login], "array body", { status: 400, codes: [] })),
      ],
      [
        "issueToken",
        fixed("anonymous", "/openidconnect/token", {
          text: JSON.stringify(login),
          contentType: "text/plain",
          note: "text body",
          expect: { status: 415, codes: ["UnsupportedMediaType"] },
        }),
      ],
      [
        "issueToken",
        fixed("anonymous", "/openidconnect/token", json({ ...login, password: huge + m }, "0.9 MB password")),
      ],
      [
        "createUser",
        fixed("admin", "/v1/system/users", {
          text: JSON.stringify({ username: "u1", password: m, groups: [] }),
          contentType: "text/plain",
          note: "text body",
          expect: { status: 415, codes: ["UnsupportedMediaType"] },
        }),
      ],
      [
        "createUser",
        fixed(
          "admin",
          "/v1/system/users",
          json([{ username: "u1", password: m, groups: [] }], "array body", { status: 400, codes: [] }),
        ),
      ],
      [
        "createHost",
        fixed("admin", "/v1/infrastructure/hosts", {
          text: JSON.stringify(host),
          contentType: "text/plain",
          note: "text body",
          expect: { status: 415, codes: ["UnsupportedMediaType"] },
        }),
      ],
      [
        "createHost",
        fixed("admin", "/v1/infrastructure/hosts", json([host], "array body", { status: 400, codes: [] })),
      ],
      [
        "createHost",
        fixed(
          "admin",
          "/v1/infrastructure/hosts",
          json({ ...host, address: huge }, "0.9 MB address", invalidEntity("address")),
        ),
      ],
      [
        "updateNetwork",
        fixed(
          "A",
          `/v1/networks/${a.network}`,
          json({ description: "x".repeat(1_100_000) }, "1.1 MB body", {
            status: 413,
            codes: ["RequestTooLarge"],
          }),
        ),
      ],
      [
        "updateNetwork",
        fixed(
          "A",
          `/v1/networks/${a.network}`,
          json(deep, "5000 levels", { status: 400, codes: ["InvalidJson"] }),
        ),
      ],
      [
        "updateNetwork",
        fixed(
          "A",
          `/v1/networks/${a.network}`,
          json('{"__proto__":{"admin":true},"description":"x"}', "__proto__ key", {
            status: 400,
            codes: ["InvalidJson", "InvalidEntity"],
          }),
        ),
      ],
      [
        "resizeCluster",
        fixed(
          "A",
          `/v1/services/${a.service}/resize`,
          json({ newWorkerCount: null }, "null count", invalidEntity("newWorkerCount")),
        ),
      ],
      [
        "createCluster",
        fixed(
          "A",
          `/v1/projects/${a.project}/services`,
          json(
            { name: "nullwc", type: "KUBERNETES", workerCount: null },
            "null count",
            invalidEntity("workerCount"),
          ),
        ),
      ],
      [
        "createStoragePool",
        fixed(
          "admin",
          "/v1/infrastructure/storage-pools",
          json(
            { name: "nullftt", hostIds: [a.host], capacityGb: 1, failuresToTolerate: null },
            "null ftt",
            invalidEntity("failuresToTolerate"),
          ),
        ),
      ],
      [
        "createTenant",
        fixed(
          "admin",
          "/v1/tenants",
          json({ name: "nullsg", securityGroups: null }, "null groups", invalidEntity("securityGroups")),
        ),
      ],
      [
        "setTenantSecurityGroups",
        fixed(
          "admin",
          `/v1/tenants/${w.sandbox.tenant}/set_security_groups`,
          json({ items: [null] }, "null item", invalidEntity("items")),
        ),
      ],
      [
        "createSubnet",
        fixed(
          "A",
          `/v1/networks/${a.network}/subnets`,
          json(
            { name: "nulldns", dnsServerAddresses: null },
            "null dns",
            invalidEntity("dnsServerAddresses"),
          ),
        ),
      ],
      [
        "updateSubnet",
        fixed(
          "A",
          `/v1/subnets/${a.subnet}`,
          json(
            { dnsServerAddresses: ["999.1.1.1", "1.1.1.1' OR '1'='1"] },
            "bad dns",
            invalidEntity("dnsServerAddresses"),
          ),
        ),
      ],
      [
        "getNetwork",
        fixed("A", "/v1/networks/%zz", {
          note: "malformed percent-encoding",
          expect: { status: 400, codes: [] },
        }),
      ],
      [
        "listTasks",
        fixed("A", "/v1/tasks?pageLink=%zz", { note: "malformed query", expect: { status: 400, codes: [] } }),
      ],
      ["listTasks", fixed("A", `/v1/tasks?x=${"a".repeat(20_000)}`, { note: "20 KB query" })],
      [
        "issueToken",
        fixed(
          "anonymous",
          "/openidconnect/token?%E0%A4%A",
          json(login, "malformed query", { status: 400, codes: [] }),
        ),
      ],
    ];
    run.phase = "fixed";
    for (const [id, c] of cases) await run.run(op(id), c, access.get(id) ?? "user");
    const found = run.report("fixed");
    assert.ok(found.length === 0, `${found.length} rules broken:\n${found.join("\n")}`);
  });

  it("survives random hostile input on every operation, as two tenants, anonymous and admin", async function () {
    this.timeout(Math.max(180_000, RUNS * ops.length * 400));
    const ordered = [...ops].sort((x, y) => rank(x) - rank(y));
    run.phase = "random";
    for (const [i, o] of ordered.entries()) {
      const level = access.get(o.operationId) ?? "user";
      const callers: CallerName[] =
        level === "admin"
          ? ["admin", "admin", "A", "B", "anonymous"]
          : level === "open"
            ? ["anonymous", "A", "B"]
            : ["A", "A", "B", "B", "anonymous"];
      const ids = (caller: CallerName) => {
        if (caller === "B") return { own: w.b.ids, other: w.a.ids };
        if (caller === "admin") return { own: w.sandbox, other: undefined };
        return { own: w.a.ids, other: w.b.ids };
      };
      const property = fc.asyncProperty(caseArb(o, ctx, callers, ids), async (c) => {
        await run.run(o, c, level);
      });
      await fc.assert(property, { seed: SEED + i, numRuns: RUNS });
    }
    const found = run.report("random");
    assert.ok(found.length === 0, `${found.length} rules broken:\n${found.join("\n")}`);
  });
});
