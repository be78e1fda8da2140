import * as assert from "assert";
import * as fc from "fast-check";
import { REGISTRY } from "../../../../provider/registry";
import { forgetClaims } from "../../../../provider/resources/network";
import { readSchema } from "../../../../scripts/schema/generate";
import { packageRoot } from "../../../../toolchain/paths";
import { inputsOf } from "./inputs";
import { type ResourceShape, resourceShapes } from "./shapes";
import { type Check, short, verify, verifyUnknowns } from "./verify";

/**
 * `check` of every resource of schema.json, fuzzed (see verify.ts for what is asserted). `FUZZ_SEED` and
 * `FUZZ_RUNS` change the seed and the number of inputs per resource: 10,000 by default, a few seconds.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260808);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

export function checkOf(type: string): Check {
  const impl = (REGISTRY as Readonly<Record<string, { check: Check } | undefined>>)[type];
  if (!impl) throw new Error(`schema.json has ${type}, the registry does not`);
  return impl.check.bind(impl);
}

/** Old inputs: none (a create) most of the time, as no check reads them yet; random ones now and then. */
function oldsOf(resource: ResourceShape): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: inputsOf(resource), weight: 1 });
}

/** fast-check's report and the failed assertion, cut: a counterexample may hold a 1 MB string. */
function reporter<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const cause =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${short(fc.defaultReportMessage(details) ?? "property failed", 4000)}\n${short(cause, 2000)}`,
  );
}

describe(`check fuzzed from schema.json (seed ${SEED}, ${RUNS} inputs per resource)`, () => {
  // Network's check remembers ranges for the process (overlaps within one deployment): the fuzz starts
  // from none and leaves none behind for the other tests.
  beforeEach(forgetClaims);
  afterEach(forgetClaims);
  for (const resource of resourceShapes(readSchema(packageRoot(__dirname)))) {
    it(`${resource.type}: no throw, named failures, nulls refused, typed answers`, function () {
      this.timeout(Math.max(20_000, RUNS * 5));
      const check = checkOf(resource.type);
      let accepted = 0;
      fc.assert(
        fc.property(oldsOf(resource), inputsOf(resource), fc.nat(), (olds, news, pick) => {
          if (!verify(resource, check, olds, news)) return;
          accepted++;
          verifyUnknowns(resource, check, news, pick);
        }),
        { seed: SEED, numRuns: RUNS, reporter },
      );
      // Without accepted inputs the typed-answer property would hold vacuously.
      if (RUNS >= 1000) assert.ok(accepted > RUNS / 200, `only ${accepted} of ${RUNS} inputs were accepted`);
    });
  }
});
