import * as assert from "assert";
import {
  compareVersions,
  drainTimeoutProblem,
  drainTimeoutSeconds,
  drainTimeoutSecondsProblem,
  etcdCountProblem,
  masterCountProblem,
  parseVersion,
  secondsAsDuration,
  surgeProblem,
  unavailableWithSurgeProblem,
  versionProblem,
  workerCountProblem,
} from "../../../rules/cluster";
import { durationMs } from "../../../rules/duration";

type Row<T> = [value: T, problem: string | undefined];

function table<T>(what: string, rule: (v: T) => string | undefined, rows: Row<T>[]): void {
  for (const [value, problem] of rows)
    it(`${what} ${JSON.stringify(value)}: ${problem ?? "accepted"}`, () =>
      assert.strictEqual(rule(value), problem));
}

describe("rules/cluster", () => {
  const oneThreeFive = "must be 1, 3 or 5";
  table("masterCount", masterCountProblem, [
    [1, undefined],
    [3, undefined],
    [5, undefined],
    [0, oneThreeFive],
    [2, oneThreeFive],
    [7, oneThreeFive],
    [3.5, oneThreeFive],
    [Number.NaN, oneThreeFive],
  ]);

  const etcds = "must be a whole number from 1 to 5";
  table("etcdCount", etcdCountProblem, [
    [1, undefined],
    [5, undefined],
    [0, etcds],
    [6, etcds],
    [2.5, etcds],
  ]);

  const workers = "must be a whole number from 0 to 1000";
  table("workerCount", workerCountProblem, [
    [0, undefined],
    [1000, undefined],
    [-1, workers],
    [1001, workers],
    [1.5, workers],
    [Number.POSITIVE_INFINITY, workers],
  ]);

  const surge = "must be a whole number from 0 to 100";
  table("maxSurge or maxUnavailable", surgeProblem, [
    [0, undefined],
    [100, undefined],
    [-1, surge],
    [101, surge],
    [0.5, surge],
  ]);

  const pairs: [number, number, string | undefined][] = [
    [1, 0, undefined],
    [0, 1, undefined],
    [2, 3, undefined],
    [0, 0, "must be at least 1 when maxSurge is 0"],
  ];
  for (const [s, u, problem] of pairs)
    it(`maxSurge ${s} with maxUnavailable ${u}: ${problem ?? "accepted"}`, () =>
      assert.strictEqual(unavailableWithSurgeProblem(s, u), problem));

  const seconds = "must be a whole number from 0 to 86400";
  table("drain_timeout_seconds", drainTimeoutSecondsProblem, [
    [0, undefined],
    [86_400, undefined],
    [86_401, seconds],
    [-1, seconds],
    [Number.NaN, seconds],
  ]);

  const durations: [string, number | undefined, number | undefined][] = [
    ["90s", 90_000, 90],
    ["10m", 600_000, 600],
    ["1h", 3_600_000, 3600],
    ["1h30m", 5_400_000, 5400],
    ["0s", 0, 0],
    ["500ms", 500, 1],
    ["1.5s", 1500, 2],
    ["10", undefined, undefined],
    ["10 m", undefined, undefined],
    ["-1s", undefined, undefined],
    ["1d", undefined, undefined],
    ["", undefined, undefined],
    [`${"9".repeat(400)}s`, undefined, undefined],
  ];
  for (const [text, ms, secs] of durations)
    it(`duration ${JSON.stringify(text.slice(0, 12))} is ${String(ms)} ms, ${String(secs)} s`, () => {
      assert.strictEqual(durationMs(text), ms);
      assert.strictEqual(drainTimeoutSeconds(text), secs);
    });

  const drain = "must be a duration from 0s to 24h, such as 90s, 10m or 1h";
  table("drainTimeout", drainTimeoutProblem, [
    ["10m", undefined],
    ["0s", undefined],
    ["24h", undefined],
    ["86400s", undefined],
    ["24h1s", drain],
    ["25h", drain],
    ["soon", drain],
    ["", drain],
  ]);

  const shortest: [number, string][] = [
    [0, "0s"],
    [90, "90s"],
    [600, "10m"],
    [3600, "1h"],
    [5400, "90m"],
    [86_400, "24h"],
  ];
  for (const [secs, text] of shortest)
    it(`${secs} s is written ${text} and read back`, () => {
      assert.strictEqual(secondsAsDuration(secs), text);
      assert.strictEqual(drainTimeoutSeconds(text), secs);
    });

  const version = "must be a version such as 1.36.3";
  table("kubernetesVersion", versionProblem, [
    ["1.36.3", undefined],
    ["v1.35.4", undefined],
    ["latest", version],
    ["1.36", version],
    ["1.36.3-rc.1", version],
  ]);

  it("versions compare numerically, a leading v ignored", () => {
    assert.deepStrictEqual(parseVersion("v1.36.3"), [1, 36, 3]);
    assert.ok((compareVersions("1.35.10", "1.35.9") ?? 0) > 0);
    assert.ok((compareVersions("1.35.4", "v1.36.3") ?? 0) < 0);
    assert.strictEqual(compareVersions("1.36.3", "v1.36.3"), 0);
    assert.strictEqual(compareVersions("latest", "1.36.3"), undefined);
    assert.strictEqual(compareVersions(undefined, "1.36.3"), undefined);
  });
});
