import * as assert from "assert";
import * as fc from "fast-check";
import type { FuzzContext } from "./fuzz-values";
import { fixedCases } from "./fuzz-fixed";
import { caseArb, type CallerName } from "./fuzz-requests";
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
const RUNS = Number(process.env["FUZZ_RUNS"] ?? (process.env["PHOTON_FUZZ_LONG"] === "1" ? 400 : 64));

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

  it("answers the review's hostile inputs with 4xx errors that hide secrets and cut long values", async () => {
    run.phase = "fixed";
    for (const [id, c] of fixedCases(w, ctx.marker)) await run.run(op(id), c, access.get(id) ?? "user");
    const found = run.report("fixed");
    assert.ok(found.length === 0, `${found.length} rules broken:\n${found.join("\n")}`);
  });

  it("survives random hostile input on every operation, as two tenants, anonymous and admin", async function () {
    this.timeout(Math.max(180_000, RUNS * ops.length * 50));
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
