/** Pure retry policy: which failures are retried and how long to wait. No I/O here. */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/** What happened to one attempt, as far as retrying is concerned. */
export type Outcome =
  | {
      readonly kind: "response";
      readonly status: number;
      readonly code?: string;
      readonly retryAfterMs?: number;
    }
  /** `sent` is false when the request surely never reached the server (connection refused, DNS). */
  | { readonly kind: "transport"; readonly sent: boolean }
  /** The TLS handshake failed (untrusted, expired or misnamed certificate): it fails again the same way. */
  | { readonly kind: "tls" };

export interface RequestTraits {
  /** GET/PUT/DELETE and POSTs the caller declared safe to repeat. */
  readonly idempotent: boolean;
  readonly read: boolean;
}

/** Error codes of transport failures that prove the request never left this machine. */
export const UNSENT_TRANSPORT_CODES: readonly string[] = [
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
];

/**
 * Whether an outcome is worth another attempt. Throttling (429), overload (503) and `ConcurrentTask`
 * mean the server did nothing, so even creates may repeat; a 500 is retried for reads only; a transport
 * failure after the request may have been sent is retried only for idempotent requests (a create's
 * caller finds its own earlier object instead).
 */
export function isRetryable(outcome: Outcome, traits: RequestTraits): boolean {
  if (outcome.kind === "tls") return false;
  if (outcome.kind === "transport") return !outcome.sent || traits.idempotent;
  if (outcome.status === 429 || outcome.status === 503) return true;
  if (outcome.status === 400 && outcome.code === "ConcurrentTask") return true;
  if (outcome.status === 500 || outcome.status === 502 || outcome.status === 504) return traits.read;
  return false;
}

/** Exponential backoff with full jitter: a uniform draw in [base*2^n / 2, min(max, base*2^n)]. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const floor = ceiling / 2;
  return Math.round(floor + random() * (ceiling - floor));
}

/** Delay before attempt `attempt + 1`, or undefined when the caller must give up. */
export function nextDelayMs(
  attempt: number,
  outcome: Outcome,
  traits: RequestTraits,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (attempt >= policy.maxAttempts || !isRetryable(outcome, traits)) return undefined;
  const backoff = backoffDelayMs(attempt, policy, random);
  if (outcome.kind === "response" && outcome.retryAfterMs !== undefined) {
    if (outcome.retryAfterMs > policy.maxRetryAfterMs) return undefined;
    return Math.max(outcome.retryAfterMs, Math.min(backoff, policy.baseDelayMs));
  }
  return backoff;
}

/** Parses a Retry-After header: delta seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const when = Date.parse(text);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - nowMs);
}

export interface PollPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly growth: number;
}

// At most half a second between looks: a task's end reaches the user within that (bench/cluster-ready).
export const DEFAULT_POLL_POLICY: PollPolicy = { initialMs: 100, maxMs: 500, growth: 1.5 };

/**
 * Adaptive task polling: fast at first (most tasks end quickly), slower while a task keeps running,
 * back to fast when the task makes progress (a step finished), never past the deadline.
 */
export function nextPollMs(
  previousMs: number | undefined,
  progressed: boolean,
  remainingMs: number,
  policy: PollPolicy,
): number {
  const base =
    previousMs === undefined || progressed
      ? policy.initialMs
      : Math.min(policy.maxMs, previousMs * policy.growth);
  return Math.max(0, Math.min(Math.round(base), remainingMs));
}
