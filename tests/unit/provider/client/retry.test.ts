import * as assert from "assert";
import * as fc from "fast-check";
import {
  backoffDelayMs,
  DEFAULT_POLL_POLICY,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  nextDelayMs,
  nextPollMs,
  type Outcome,
  parseRetryAfterMs,
  type RequestTraits,
} from "../../../../provider/client/retry";

const create: RequestTraits = { idempotent: false, read: false };
const read: RequestTraits = { idempotent: true, read: true };
const del: RequestTraits = { idempotent: true, read: false };

describe("client retry policy", () => {
  const table: Array<[string, Outcome, RequestTraits, boolean]> = [
    ["429 on a create", { kind: "response", status: 429 }, create, true],
    ["503 on a create", { kind: "response", status: 503, code: "OutOfThreadPoolWorker" }, create, true],
    ["ConcurrentTask on a delete", { kind: "response", status: 400, code: "ConcurrentTask" }, del, true],
    ["other 400s never", { kind: "response", status: 400, code: "InvalidEntity" }, del, false],
    ["NameTaken never", { kind: "response", status: 400, code: "NameTaken" }, create, false],
    ["500 on a read", { kind: "response", status: 500, code: "InternalError" }, read, true],
    ["500 on a write never", { kind: "response", status: 500, code: "InternalError" }, del, false],
    ["404 never", { kind: "response", status: 404, code: "NotFound" }, read, false],
    [
      "401 never (auth renewal is separate)",
      { kind: "response", status: 401, code: "ExpiredAuthToken" },
      read,
      false,
    ],
    ["reset on a read", { kind: "transport", sent: true }, read, true],
    ["reset on a create: the caller looks for its object", { kind: "transport", sent: true }, create, false],
    ["refused connection on a create", { kind: "transport", sent: false }, create, true],
    ["a failed TLS handshake on a read: the same certificate fails again", { kind: "tls" }, read, false],
  ];
  for (const [name, outcome, traits, expected] of table) {
    it(`${expected ? "retries" : "does not retry"}: ${name}`, () => {
      assert.strictEqual(isRetryable(outcome, traits), expected);
    });
  }

  it("stops after maxAttempts", () => {
    const outcome: Outcome = { kind: "response", status: 503 };
    assert.notStrictEqual(
      nextDelayMs(DEFAULT_RETRY_POLICY.maxAttempts - 1, outcome, read, DEFAULT_RETRY_POLICY, () => 0.5),
      undefined,
    );
    assert.strictEqual(
      nextDelayMs(DEFAULT_RETRY_POLICY.maxAttempts, outcome, read, DEFAULT_RETRY_POLICY, () => 0.5),
      undefined,
    );
  });

  it("honours Retry-After, and gives up when it is longer than the policy allows", () => {
    const policy = DEFAULT_RETRY_POLICY;
    assert.strictEqual(
      nextDelayMs(1, { kind: "response", status: 429, retryAfterMs: 3000 }, create, policy, () => 0),
      3000,
    );
    assert.strictEqual(
      nextDelayMs(1, { kind: "response", status: 429, retryAfterMs: 3_600_000 }, create, policy, () => 0),
      undefined,
    );
  });

  it("backoff stays within [ceiling/2, ceiling] and the ceiling never passes maxDelayMs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (attempt, r) => {
          const policy = DEFAULT_RETRY_POLICY;
          const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
          const delay = backoffDelayMs(attempt, policy, () => r);
          return delay >= Math.floor(ceiling / 2) && delay <= ceiling;
        },
      ),
    );
  });

  it("backoff grows: the ceiling doubles per attempt", () => {
    const top = (n: number) => backoffDelayMs(n, DEFAULT_RETRY_POLICY, () => 1);
    assert.deepStrictEqual([1, 2, 3, 4].map(top), [200, 400, 800, 1600]);
  });

  const retryAfter: Array<[string | undefined, number | undefined]> = [
    [undefined, undefined],
    ["", undefined],
    ["2", 2000],
    ["0.5", 500],
    ["soon", undefined],
    ["Thu, 01 Jan 1970 00:00:10 GMT", 5000],
    ["Thu, 01 Jan 1970 00:00:01 GMT", 0],
  ];
  for (const [text, expected] of retryAfter) {
    it(`parses Retry-After ${JSON.stringify(text)} as ${expected}`, () => {
      assert.strictEqual(parseRetryAfterMs(text, 5000), expected);
    });
  }

  it("polls fast at first, slows down while nothing moves, speeds up on progress, never past the deadline", () => {
    const p = DEFAULT_POLL_POLICY;
    assert.strictEqual(nextPollMs(undefined, false, 60_000, p), 100);
    assert.strictEqual(nextPollMs(100, false, 60_000, p), 150);
    assert.strictEqual(nextPollMs(400, false, 60_000, p), 500);
    assert.strictEqual(nextPollMs(500, false, 60_000, p), 500);
    assert.strictEqual(nextPollMs(500, true, 60_000, p), 100);
    assert.strictEqual(nextPollMs(1000, false, 40, p), 40);
  });
});
