/** A counting semaphore: at most `limit` requests in flight to one endpoint from this process. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`limit must be a positive integer (was ${limit})`);
  }

  get inFlight(): number {
    return this.active;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

const limiters = new Map<string, Limiter>();

/** The process-wide limiter of an endpoint: every client of one endpoint shares it. */
export function limiterFor(endpoint: string, limit: number): Limiter {
  const key = `${endpoint}#${limit}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new Limiter(limit);
    limiters.set(key, limiter);
  }
  return limiter;
}
