import { durationMs } from "../../rules/duration";
import { Deadline } from "../client";
import { TIMEOUTS_FIELDS } from "../generated/schema";
import type { Failure } from "./failures";
import { isUnknown, type Props } from "./props";
import { fieldPath, isPlainObject, shown } from "./wording";

export type Operation = "create" | "update" | "delete";
export type TimeoutDefaults = Readonly<Record<Operation, number>>;

export const MINUTE = 60_000;

/** `90s`, `10m`, `1h30m`, `500ms` -> milliseconds (rules/duration); undefined when unreadable or zero. */
export function parseDuration(text: string): number | undefined {
  const ms = durationMs(text);
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/** A null `timeouts` is refused by `nullFailures`, like every null input. */
export function checkTimeouts(value: unknown): Failure[] {
  if (value === undefined || value === null || isUnknown(value)) return [];
  if (!isPlainObject(value))
    return [{ property: "timeouts", reason: "must be an object with create, update and delete durations" }];
  const failures: Failure[] = [];
  const known: readonly string[] = TIMEOUTS_FIELDS;
  for (const [key, v] of Object.entries(value)) {
    const property = fieldPath("timeouts", key);
    if (!known.includes(key)) failures.push({ property, reason: `is not a timeout (${known.join(", ")})` });
    else if (isUnknown(v) || v === undefined) continue;
    else if (typeof v !== "string" || parseDuration(v) === undefined) {
      failures.push({ property, reason: `must be a duration such as 90s, 10m or 1h (was ${shown(v)})` });
    }
  }
  return failures;
}

/** The deadline length of an operation: the input's timeout or the resource's default. */
export function timeoutMs(timeouts: unknown, op: Operation, defaults: TimeoutDefaults): number {
  if (typeof timeouts === "object" && timeouts !== null) {
    const value = (timeouts as Record<string, unknown>)[op];
    if (typeof value === "string") return parseDuration(value) ?? defaults[op];
  }
  return defaults[op];
}

export function deadlineFor(kind: string, op: Operation, props: Props, defaults: TimeoutDefaults): Deadline {
  return Deadline.after(timeoutMs(props.timeouts, op, defaults), `${op} of ${kind}`);
}
