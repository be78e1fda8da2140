import { ApiError } from "./http/errors";
import type { FaultOptions } from "./options";

export type RequestFault = "none" | "unavailable" | "throttle" | "reset";

/** Every kind of fault the injector can cause, as counted in `FaultInjector.injected`. */
export type FaultKind = Exclude<RequestFault, "none"> | "lostResponse" | "stepFailure";

export type FaultCounts = Record<FaultKind, number>;

/** mulberry32: a small seeded generator so a fault run can be repeated. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, request by request and step by step, which fault to inject; counts what it injected. */
export class FaultInjector {
  private readonly random: () => number;
  private readonly counts: FaultCounts = {
    unavailable: 0,
    throttle: 0,
    reset: 0,
    lostResponse: 0,
    stepFailure: 0,
  };

  constructor(readonly options: FaultOptions) {
    this.random = generator(options.seed ?? Math.floor(Math.random() * 2 ** 31));
  }

  get slowStepMs(): number {
    return this.options.slowStepMs ?? 0;
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  /** What was injected so far, by kind (a copy: the chaos suite prints it and compares runs). */
  get injected(): FaultCounts {
    return { ...this.counts };
  }

  /** One draw per request: the shares add up in the order unavailable, throttle, reset. */
  requestFault(): RequestFault {
    const r = this.random();
    const o = this.options;
    const unavailable = o.unavailableRate ?? 0;
    const throttle = unavailable + (o.throttleRate ?? 0);
    const reset = throttle + (o.resetRate ?? 0);
    const fault: RequestFault =
      r < unavailable ? "unavailable" : r < throttle ? "throttle" : r < reset ? "reset" : "none";
    if (fault !== "none") this.counts[fault] += 1;
    return fault;
  }

  loseResponse(): boolean {
    const lost = this.random() < (this.options.lostResponseRate ?? 0);
    if (lost) this.counts.lostResponse += 1;
    return lost;
  }

  maybeFailStep(step: string): void {
    if (this.random() < (this.options.stepFailureRate ?? 0)) {
      this.counts.stepFailure += 1;
      throw new ApiError(500, "InternalError", `injected failure of step ${step}`);
    }
  }
}
