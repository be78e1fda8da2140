import {
  CLIENT_CODES,
  type Deadline,
  isNotFound,
  isPhotonError,
  PhotonError,
  type RequestSpec,
} from "../client";
import { DEFAULT_POLL_POLICY, nextPollMs } from "../client/retry";
import { isUnknown, type Props } from "./props";
import type { Context } from "./resourceImpl";

export interface Entity {
  readonly id: string;
  readonly state?: string;
  readonly tags?: string[];
}

export const GONE_STATES = ["DELETED", "PENDING_DELETE"];
export const BUSY_STATES = ["CREATING", "QUEUED", "STARTED"];

export interface CreateSpec<E extends Entity> {
  /** `tenant`, `host`, ...: used in messages. */
  readonly kind: string;
  /** The list that holds the new object, searched by identity tag before any POST. */
  readonly listPath: string;
  readonly tag?: string;
  readonly post: RequestSpec;
  readonly fetch: (id: string) => Promise<E | undefined>;
  /** Outputs of a half-made object, for a partial failure. */
  readonly outputs: (entity: E) => Props;
  readonly deadline: Deadline;
}

/** Objects of a list carrying the identity tag and not on their way out. */
export async function findTagged<E extends Entity>(
  ctx: Context,
  listPath: string,
  tag: string,
): Promise<E[]> {
  const items = await ctx.client.list<E>(listPath, { tag });
  return items.filter((e) => (e.tags ?? []).includes(tag) && !GONE_STATES.includes(e.state ?? ""));
}

function retriable(e: unknown): boolean {
  return (
    isPhotonError(e) &&
    (e.code === CLIENT_CODES.transport || (e.code === CLIENT_CODES.timeout && e.taskOperation === undefined))
  );
}

/**
 * Creates an object at most once: looks for an object carrying the identity tag first (a create retried
 * after a crash or a lost answer adopts its own earlier object), then POSTs; a POST whose answer was
 * lost is followed by another search, not a blind second POST.
 */
export async function createOnce<E extends Entity>(ctx: Context, spec: CreateSpec<E>): Promise<E> {
  for (let attempt = 1; ; attempt++) {
    if (spec.tag) {
      const [mine] = await findTagged<E>(ctx, spec.listPath, spec.tag);
      if (mine) return settle(ctx, spec, mine.id);
    }
    try {
      const task = await ctx.client.run(spec.post, spec.deadline);
      const id = task.entity?.id;
      if (!id)
        throw new PhotonError({
          code: CLIENT_CODES.badResponse,
          message: `the ${task.operation} task named no ${spec.kind}`,
        });
      const entity = await spec.fetch(id);
      if (!entity)
        throw new PhotonError({
          code: "NotFound",
          message: `${spec.kind} ${id} vanished right after its create`,
        });
      if (entity.state === "ERROR")
        throw new PartialFailure(id, spec.outputs(entity), [
          `${spec.kind} ${id} was created but is in state ERROR`,
        ]);
      return entity;
    } catch (e) {
      if (e instanceof PartialFailure) throw e;
      if (spec.tag && attempt < 4 && retriable(e)) continue;
      throw await partialOrSame(spec, e);
    }
  }
}

/** A failed create task whose object exists becomes a partial failure, so the engine keeps its id. */
async function partialOrSame<E extends Entity>(spec: CreateSpec<E>, e: unknown): Promise<unknown> {
  if (!isPhotonError(e) || !e.entityId) return e;
  const entity = await spec.fetch(e.entityId).catch(() => undefined);
  if (!entity) return e;
  return new PartialFailure(entity.id, spec.outputs(entity), [e.message]);
}

/** What waiting for an object to settle needs: how to fetch it and what to report if it does not. */
export type SettleSpec<E extends Entity> = Pick<CreateSpec<E>, "kind" | "fetch" | "outputs" | "deadline">;

/**
 * Waits until an object is no longer being created. One that ends in ERROR, or is still being made at
 * the deadline, is a partial failure: the engine keeps its id, and the next `up` updates it.
 */
export async function settle<E extends Entity>(ctx: Context, spec: SettleSpec<E>, id: string): Promise<E> {
  let last: E | undefined;
  const fetch = async () => (last = await spec.fetch(id));
  let ready: E | undefined;
  try {
    ready = await waitUntil(ctx, fetch, (e) => !BUSY_STATES.includes(e?.state ?? ""), spec.deadline);
  } catch (e) {
    if (!last || !isPhotonError(e, CLIENT_CODES.timeout)) throw e;
    throw new PartialFailure(last.id, spec.outputs(last), [e.message]);
  }
  if (!ready)
    throw new PhotonError({
      code: "NotFound",
      message: `${spec.kind} ${id} no longer exists; run pulumi refresh`,
    });
  if (ready.state === "ERROR")
    throw new PartialFailure(ready.id, spec.outputs(ready), [`${spec.kind} ${ready.id} is in state ERROR`]);
  return ready;
}

/** The object again after a change; one deleted meanwhile is an error. */
export async function refetch<E extends Entity>(spec: SettleSpec<E>, id: string): Promise<E> {
  const now = await spec.fetch(id);
  if (!now)
    throw new PhotonError({
      code: "NotFound",
      message: `${spec.kind} ${id} was deleted while it was being updated`,
    });
  return now;
}

/** Polls `fetch` until `done` holds, adaptively, up to the deadline (then a partial failure if it exists). */
export async function waitUntil<E extends Entity>(
  ctx: Context,
  fetch: () => Promise<E | undefined>,
  done: (e: E | undefined) => boolean,
  deadline: Deadline,
): Promise<E | undefined> {
  let interval: number | undefined;
  for (;;) {
    const current = await fetch();
    if (done(current)) return current;
    if (deadline.expired())
      throw deadline.error(`${current?.id ?? "object"} is still ${current?.state ?? "missing"}`);
    interval = nextPollMs(interval, false, deadline.remainingMs(), DEFAULT_POLL_POLICY);
    await ctx.client.http.transport.sleep(interval);
  }
}

/** Deletes through a task; an object already gone counts as deleted. */
export async function deleteOnce(ctx: Context, spec: RequestSpec, deadline: Deadline): Promise<void> {
  try {
    await ctx.client.run(spec, deadline);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
}

/** `read` of an object that is gone: the engine drops it from state. */
export const GONE = { id: "" } as const;

export function knownString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

/** Thrown by create/update when the object exists but did not become ready: the engine keeps its id. */
export class PartialFailure extends Error {
  constructor(
    readonly id: string,
    readonly properties: Props,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
    this.name = "PartialFailure";
  }
}

/** The tag that marks an object as made for one Pulumi resource. */
export function identityTag(identity: unknown): string | undefined {
  return typeof identity === "string" && identity !== "" && !isUnknown(identity)
    ? `pulumi:${identity}`
    : undefined;
}
