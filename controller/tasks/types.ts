import type { ApiError, ApiErrorBody } from "../http/errors";

export type TaskState = "QUEUED" | "STARTED" | "COMPLETED" | "ERROR";

export interface TaskStep {
  sequence: number;
  state: TaskState;
  operation: string;
  errors: ApiErrorBody[];
  warnings: ApiErrorBody[];
  options: Record<string, string>;
  queuedTime: number;
  startedTime: number | null;
  endTime: number | null;
}

/** The stored task: the API view drops tenantId, input, results and lockIds. */
export interface Task {
  id: string;
  entity: { kind: string; id: string };
  state: TaskState;
  operation: string;
  queuedTime: number;
  startedTime: number | null;
  endTime: number | null;
  steps: TaskStep[];
  resourceProperties: Record<string, unknown> | null;
  tenantId: string | null;
  input: Record<string, unknown>;
  /** What the completed steps handed on (StepDef.run's answers, merged), stored with each completion. */
  results: Record<string, unknown>;
  lockIds: string[];
}

export interface TaskFilter {
  entityId?: string;
  entityKind?: string;
  state?: string;
  /** Only tasks of these tenants (undefined: all tasks, for the admin). */
  tenantIds?: string[];
}

/** An operation whose steps hand nothing on. */
export type NoResults = Record<string, never>;

/** What a step sees: the platform P, its task, the operation's input and what earlier steps handed on. */
export interface StepContext<I, R, P> {
  p: P;
  task: Task;
  input: I;
  entityId: string;
  results: Readonly<Partial<R>>;
}

/**
 * A step either runs synchronously inside one SQLite transaction together with its completion mark
 * (atomic), or is `async` (talks to the cluster runtime, waits) and must then be safe to run again after
 * a restart, because it is re-run when the process died before its completion mark was written. What it
 * answers is merged into the task's results in the write that marks it completed, so a later step (or
 * the same operation resumed after a restart) reads it typed from `results`.
 */
export interface StepDefOf<I, R, P> {
  name: string;
  async?: boolean;
  run(ctx: StepContext<I, R, P>): Partial<R> | void | Promise<Partial<R> | void>;
}

export interface OperationDefOf<I, R, P> {
  operation: string;
  steps(input: I): StepDefOf<I, R, P>[];
  /** Runs inside the request: all steps synchronous, the answered task is already finished. */
  inline?: boolean;
  /** Called in the failing transaction: put entities into their error state, release reservations. */
  onError?(ctx: StepContext<I, R, P>, error: ApiError): void;
}
