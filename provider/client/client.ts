import { CLIENT_CODES, isPhotonError, PhotonError } from "./errors";
import { type ConnectionSettings, HttpCore, REAL_TRANSPORT, type RequestSpec, type Transport } from "./http";
import { DEFAULT_POLL_POLICY, nextPollMs, type PollPolicy, type RetryPolicy } from "./retry";
import { type Page, type Task, type TaskStep } from "./types";

/** A point in time a wait must not pass, with the words that explain it when it does. */
export class Deadline {
  constructor(
    readonly atMs: number,
    readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  static after(ms: number, what: string, now: () => number = Date.now): Deadline {
    return new Deadline(now() + ms, what, now);
  }

  remainingMs(): number {
    return Math.max(0, this.atMs - this.now());
  }

  expired(): boolean {
    return this.remainingMs() === 0;
  }

  error(detail: string): PhotonError {
    return new PhotonError({
      code: CLIENT_CODES.timeout,
      message: `${this.what} did not finish in time: ${detail}`,
    });
  }
}

export interface ClientOptions {
  readonly transport?: Transport;
  readonly poll?: PollPolicy;
  /** Progress lines while waiting for tasks. */
  readonly progress?: (line: string) => void;
  /** Overrides of the retry policy (tests that inject many faults retry more, and faster). */
  readonly retry?: Partial<RetryPolicy>;
}

const PAGE_SIZE = 100;

/** The typed Photon API client: HTTP with retries plus task polling and pagination. */
export class PhotonClient {
  readonly http: HttpCore;
  private readonly poll: PollPolicy;
  private readonly progress: (line: string) => void;

  constructor(settings: ConnectionSettings, options: ClientOptions = {}) {
    this.http = new HttpCore(
      { ...settings, retry: { ...settings.retry, ...options.retry } },
      options.transport ?? REAL_TRANSPORT,
    );
    this.poll = options.poll ?? DEFAULT_POLL_POLICY;
    this.progress = options.progress ?? (() => undefined);
  }

  get endpoint(): string {
    return this.http.endpoint;
  }

  get<T>(path: string, query?: RequestSpec["query"]): Promise<T> {
    return this.http.request<T>({ method: "GET", path, query });
  }

  /** GET that answers undefined for a 404 (an object deleted outside Pulumi). */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (e) {
      if (isPhotonError(e) && e.status === 404) return undefined;
      throw e;
    }
  }

  /** Every item of a list, following `nextPageLink`; an expired page link restarts the walk once. */
  async list<T>(path: string, query: RequestSpec["query"] = {}): Promise<T[]> {
    for (let restart = 0; ; restart++) {
      try {
        return await this.walk<T>(path, query);
      } catch (e) {
        if (!isPhotonError(e, "PageExpired") || restart >= 1) throw e;
      }
    }
  }

  private async walk<T>(path: string, query: RequestSpec["query"]): Promise<T[]> {
    const items: T[] = [];
    let page = await this.get<Page<T>>(path, { ...query, pageSize: PAGE_SIZE });
    items.push(...page.items);
    for (let pages = 1; page.nextPageLink && pages < 10_000; pages++) {
      const [linkPath, linkQuery] = splitLink(page.nextPageLink);
      page = await this.get<Page<T>>(linkPath, linkQuery);
      items.push(...page.items);
    }
    return items;
  }

  /** Sends a write that answers a Task and waits for it; answers the finished task. */
  async run(spec: RequestSpec, deadline: Deadline): Promise<Task> {
    const answer = await this.http.exchange<Task>(spec);
    return this.wait(answer.data, deadline, answer.requestId, spec.secrets);
  }

  /** Polls a task until it is COMPLETED (answered) or ERROR (thrown with its failed step). */
  async wait(
    task: Task,
    deadline: Deadline,
    requestId?: string,
    secrets: readonly string[] = [],
  ): Promise<Task> {
    let current = task;
    let interval: number | undefined;
    let done = finishedSteps(current);
    while (current.state !== "COMPLETED" && current.state !== "ERROR") {
      if (deadline.expired()) {
        const error = deadline.error(`task ${current.operation} ${current.id} is still ${current.state}`);
        throw new PhotonError({
          code: error.code,
          message: error.detail,
          entityId: current.entity?.id,
          taskOperation: current.operation,
        });
      }
      const nowDone = finishedSteps(current);
      interval = nextPollMs(interval, nowDone > done, deadline.remainingMs(), this.poll);
      done = nowDone;
      await this.http.transport.sleep(interval);
      current = await this.get<Task>(`/v1/tasks/${encodeURIComponent(current.id)}`);
      this.progress(
        `${current.operation} ${current.state} (${finishedSteps(current)}/${current.steps?.length ?? 0} steps)`,
      );
    }
    if (current.state === "ERROR") throw taskError(current, requestId).redacted(secrets);
    return current;
  }
}

function finishedSteps(task: Task): number {
  return (task.steps ?? []).filter((s) => s.state === "COMPLETED").length;
}

/** The failed step's first error becomes the error's code and message. */
export function taskError(task: Task, requestId?: string): PhotonError {
  const failed: TaskStep | undefined = (task.steps ?? []).find(
    (s) => s.state === "ERROR" && (s.errors?.length ?? 0) > 0,
  );
  const cause = failed?.errors?.[0];
  return new PhotonError({
    code: cause?.code ?? "TaskFailed",
    message: cause?.message ?? `task ${task.id} ended in ERROR`,
    data: cause?.data,
    requestId,
    entityId: task.entity?.id,
    taskOperation: task.operation,
    step: failed ? { operation: failed.operation, sequence: failed.sequence } : undefined,
  });
}

/** `/v1/tasks?pageLink=T` -> ["/v1/tasks", {pageLink: "T"}] (the server answers relative links). */
export function splitLink(link: string): [string, Record<string, string>] {
  const url = new URL(link, "http://relative.invalid");
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  return [url.pathname, query];
}
