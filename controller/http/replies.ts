import { randomUUID } from "crypto";
import type { EntityKind, EntityTypes } from "../model";
import type { Platform } from "../platform";
import { notFound, type ApiErrorCode } from "./errors";
import type { Reply, RequestContext } from "./route";
import type { Task } from "../tasks/types";
import { taskView } from "../tasks/view";

export function newId(): string {
  return randomUUID();
}

/** A write's answer: the Task body (201 for creates, deletes and most actions). */
export function taskReply(ctx: RequestContext<unknown, unknown, unknown>, task: Task, status = 201): Reply {
  return { status, body: taskView(task, ctx.baseUrl) };
}

/** The entity or a typed 404. */
export function must<T>(value: T | undefined, kind: string, id: string, code: ApiErrorCode = "NotFound"): T {
  if (value === undefined) throw notFound(kind, id, code);
  return value;
}

/** Loads one kind of entity by id, or throws its typed 404 (`<kind> <id> not found`). */
export function loader<K extends EntityKind>(
  kind: K,
  code: ApiErrorCode = "NotFound",
): (p: Platform, id: string) => EntityTypes[K] {
  return (p, id) => must(p.store.get(kind, id), kind, id, code);
}

/** A copy of obj without the given keys. */
export function omit<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...obj };
  for (const k of keys) delete copy[k];
  return copy;
}
