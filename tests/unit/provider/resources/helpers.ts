import * as assert from "assert";
import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { type Props, UNKNOWN } from "../../../../provider/resources/props";
import type { Failure } from "../../../../provider/resources/failures";

export { UNKNOWN };

export type CheckCase = readonly [string, Props, Failure[]];

/** Runs a table of check cases: the failures are asserted whole, in any order. */
export function checkTable(
  check: (olds: Props, news: Props) => CheckResult<Props>,
  cases: readonly CheckCase[],
): void {
  for (const [name, news, expected] of cases) {
    it(`check: ${name}`, () => {
      const failures = [...(check({}, news).failures ?? [])].sort(byProperty);
      assert.deepStrictEqual(failures, [...expected].sort(byProperty));
    });
  }
}

function byProperty(a: Failure, b: Failure): number {
  return a.property < b.property ? -1 : a.property > b.property ? 1 : a.reason < b.reason ? -1 : 1;
}

export interface DiffExpectation {
  readonly changes: boolean;
  readonly replaces: string[];
}

export type DiffCase = readonly [string, Props, Props, DiffExpectation];

export function diffTable(
  diff: (id: string, olds: Props, news: Props) => DiffResult,
  cases: readonly DiffCase[],
): void {
  for (const [name, olds, news, expected] of cases) {
    it(`diff: ${name}`, () => {
      const result = diff("id-1", olds, news);
      assert.deepStrictEqual({ changes: result.changes, replaces: result.replaces }, expected);
      assert.strictEqual(result.deleteBeforeReplace, expected.replaces.length > 0);
    });
  }
}

export const NONE: DiffExpectation = { changes: false, replaces: [] };
export const UPDATE: DiffExpectation = { changes: true, replaces: [] };
export const replace = (...props: string[]): DiffExpectation => ({ changes: true, replaces: props });
