import { randomUUID } from "crypto";
import type { FaultInjector } from "../faults";
import { ApiError, asApiError, concurrentTask } from "../http/errors";
import type { Store } from "../store/db";
import type { OperationDefOf, StepContext, StepDefOf, Task, TaskStep } from "./types";

export interface Submission<I> {
  entity: { kind: string; id: string };
  input: I;
  tenantId: string | null;
  /** Entity ids locked for the task's duration (default: the entity). */
  locks?: string[];
  /** Synchronous changes committed together with the queued task (insert CREATING entity, set state). */
  prepare?: () => void;
  resourceProperties?: Record<string, unknown>;
}

/** What the engine works with; `platform` is what it hands to steps, read when a step runs. */
export interface EngineDeps<P> {
  store: Store;
  /** Pause before every asynchronous step (demo pace; read at each step), plus the faults' slow-step time. */
  stepDelayMs: () => number;
  faults: FaultInjector | undefined;
  platform: () => P;
}

type AnyOperation<P> = OperationDefOf<unknown, Record<string, unknown>, P>;
type AnyStep<P> = StepDefOf<unknown, Record<string, unknown>, P>;

/** Waits `ms`, or less if the engine stops; leaves no listener behind on the engine's signal. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export class TaskEngine<P> {
  private readonly registry = new Map<string, AnyOperation<P>>();
  private readonly locks = new Map<string, string>();
  private readonly running = new Set<Promise<void>>();
  private readonly waiters = new Map<string, ((t: Task) => void)[]>();
  private readonly abort = new AbortController();
  private readonly store: Store;

  constructor(private readonly deps: EngineDeps<P>) {
    this.store = deps.store;
  }

  register<I, R extends object>(def: OperationDefOf<I, R, P>): void {
    this.registry.set(def.operation, erase(def));
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  lockHolder(entityId: string): string | undefined {
    return this.locks.get(entityId);
  }

  submit<I, R extends object>(def: OperationDefOf<I, R, P>, sub: Submission<I>): Task {
    if (this.registry.get(def.operation) !== erase(def)) {
      throw new Error(`operation ${def.operation} is not registered`);
    }
    const lockIds = sub.locks ?? [sub.entity.id];
    for (const id of lockIds) {
      const holder = this.locks.get(id);
      if (holder) throw concurrentTask(sub.entity.kind, id, holder);
    }
    const task = newTask(def.operation, sub, def.steps(sub.input), lockIds);
    this.store.tx(() => {
      sub.prepare?.();
      this.store.putTask(task);
    });
    for (const id of lockIds) this.locks.set(id, task.id);
    if (def.inline) this.runInline(erase(def), task);
    else this.start(erase(def), task);
    return structuredClone(task);
  }

  /** Resumes (or fails, when its operation is unknown) every task a previous process left unfinished. */
  resumeAll(): number {
    const tasks = [
      ...this.store.listTasks({ state: "QUEUED" }),
      ...this.store.listTasks({ state: "STARTED" }),
    ];
    for (const task of tasks) {
      const def = this.registry.get(task.operation);
      if (!def || def.inline) {
        const why = `controller restarted during task ${task.id} (${task.operation}), which cannot resume`;
        this.fail(undefined, task, new ApiError(500, "InternalError", why));
        continue;
      }
      for (const id of task.lockIds) this.locks.set(id, task.id);
      this.start(def, task);
    }
    return tasks.length;
  }

  waitFor(taskId: string): Promise<Task> {
    const task = this.store.getTask(taskId);
    if (task && (task.state === "COMPLETED" || task.state === "ERROR")) return Promise.resolve(task);
    return new Promise((resolve) => this.waiters.set(taskId, [...(this.waiters.get(taskId) ?? []), resolve]));
  }

  async close(graceMs = 2000): Promise<void> {
    this.abort.abort();
    const settled = Promise.allSettled([...this.running]);
    await Promise.race([settled, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }

  private start(def: AnyOperation<P>, task: Task): void {
    const run = this.drive(def, task).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private runInline(def: AnyOperation<P>, task: Task): void {
    task.state = "STARTED";
    task.startedTime = Date.now();
    const steps = def.steps(task.input);
    for (const [i, sd] of steps.entries()) {
      try {
        this.store.tx(() => this.syncStep(sd, task, i));
      } catch (e) {
        this.fail(def, task, asApiError(e));
        return;
      }
    }
    this.finish(task);
  }

  private async drive(def: AnyOperation<P>, task: Task): Promise<void> {
    const steps = def.steps(task.input);
    const signal = this.abort.signal;
    try {
      if (task.state === "QUEUED") this.save(task, { state: "STARTED", startedTime: Date.now() });
      for (const [i, sd] of steps.entries()) {
        const step = task.steps[i];
        if (!step || step.state === "COMPLETED") continue;
        await sleep(this.deps.stepDelayMs() + (this.deps.faults?.slowStepMs ?? 0), signal);
        if (signal.aborted) return;
        if (!sd.async) {
          this.store.tx(() => this.syncStep(sd, task, i));
          continue;
        }
        Object.assign(step, { state: "STARTED", startedTime: Date.now() });
        this.store.putTask(task);
        this.deps.faults?.maybeFailStep(sd.name);
        const handedOn = await sd.run(this.ctx(task));
        if (signal.aborted) return;
        this.completeStep(task, i, handedOn);
      }
      this.finish(task);
    } catch (e) {
      if (!signal.aborted) this.fail(def, task, asApiError(e));
    }
  }

  private ctx(task: Task): StepContext<unknown, Record<string, unknown>, P> {
    const results = task.results ?? {};
    return { p: this.deps.platform(), task, input: task.input, entityId: task.entity.id, results };
  }

  private syncStep(sd: AnyStep<P>, task: Task, i: number): void {
    const step = task.steps[i];
    if (step) Object.assign(step, { state: "STARTED", startedTime: Date.now() });
    const handedOn = sd.run(this.ctx(task));
    if (handedOn instanceof Promise) throw new Error(`step ${sd.name} must be marked async`);
    this.completeStep(task, i, handedOn);
  }

  /** Marks step i completed and stores what it handed on, in one write of the task. */
  private completeStep(task: Task, i: number, handedOn: Record<string, unknown> | void): void {
    const step = task.steps[i];
    if (step) Object.assign(step, { state: "COMPLETED", endTime: Date.now() });
    if (handedOn) task.results = { ...(task.results ?? {}), ...handedOn };
    this.store.putTask(task);
  }

  private save(task: Task, patch: Partial<Task>): void {
    Object.assign(task, patch);
    this.store.putTask(task);
  }

  private finish(task: Task): void {
    this.save(task, { state: "COMPLETED", endTime: Date.now() });
    this.settle(task);
  }

  private fail(def: AnyOperation<P> | undefined, task: Task, error: ApiError): void {
    const step =
      task.steps.find((s) => s.state === "STARTED") ?? task.steps.find((s) => s.state === "QUEUED");
    if (step) Object.assign(step, { state: "ERROR", endTime: Date.now(), errors: [error.toBody()] });
    Object.assign(task, { state: "ERROR", endTime: Date.now() });
    try {
      this.store.tx(() => {
        def?.onError?.(this.ctx(task), error);
        this.store.putTask(task);
      });
    } catch (e) {
      step?.errors.push(asApiError(e).toBody());
      this.store.putTask(task);
    }
    this.settle(task);
  }

  private settle(task: Task): void {
    for (const id of task.lockIds) if (this.locks.get(id) === task.id) this.locks.delete(id);
    const waiting = this.waiters.get(task.id) ?? [];
    this.waiters.delete(task.id);
    for (const w of waiting) w(structuredClone(task));
  }
}

function newTask<I>(
  operation: string,
  sub: Submission<I>,
  steps: { name: string }[],
  lockIds: string[],
): Task {
  const now = Date.now();
  const mkStep = (name: string, i: number): TaskStep => ({
    sequence: i,
    state: "QUEUED",
    operation: name,
    errors: [],
    warnings: [],
    options: {},
    queuedTime: now,
    startedTime: null,
    endTime: null,
  });
  return {
    id: randomUUID(),
    entity: sub.entity,
    state: "QUEUED",
    operation,
    queuedTime: now,
    startedTime: null,
    endTime: null,
    steps: steps.map((s, i) => mkStep(s.name, i)),
    resourceProperties: sub.resourceProperties ?? null,
    tenantId: sub.tenantId,
    input: sub.input as Record<string, unknown>,
    results: {},
    lockIds,
  };
}

/**
 * The registry holds operations of every input and result type; the engine only ever hands an operation
 * the input and results it stored for that same operation, so erasing them here is sound.
 */
function erase<I, R extends object, P>(def: OperationDefOf<I, R, P>): AnyOperation<P> {
  return def as unknown as AnyOperation<P>;
}
