import type { CheckResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { Deadline } from "../client";
import { ResourceMeta } from "../generated/schema";
import { checkShape, Failure, isUnknown, Props, RECORDED_INPUTS, withDefaults } from "./common";
import { checkAdoption } from "./adopt";
import { Entity, GONE, SettleSpec } from "./lifecycle";
import { checkTimeouts, Operation, TimeoutDefaults, timeoutMs } from "./timeouts";

/** Failures every resource shares: shape, adoption, timeouts. */
export function commonFailures(meta: ResourceMeta, inputs: Props): Failure[] {
  return [...checkShape(meta, inputs), ...checkAdoption(meta, inputs), ...checkTimeouts(inputs.timeouts)];
}

/** Builds a check result: defaults filled, failures sorted by property for stable output. */
export function checked(
  meta: ResourceMeta,
  news: Props,
  rules: (inputs: Props) => Failure[],
): CheckResult<Props> {
  const inputs = withDefaults(meta, news);
  const failures = [...commonFailures(meta, inputs), ...rules(inputs)];
  return { inputs, failures };
}

/** The inputs that change no object, carried from inputs (or old state) into outputs. */
export function recorded(meta: ResourceMeta, props: Props): Props {
  const own = RECORDED_INPUTS.filter((k) => k === "identity" || meta.inputs.includes(k));
  return Object.fromEntries(own.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

export function deadlineFor(kind: string, op: Operation, props: Props, defaults: TimeoutDefaults): Deadline {
  return Deadline.after(timeoutMs(props.timeouts, op, defaults), `${op} of ${kind}`);
}

/** A read answer whose inputs are the live values: a refresh of an untouched object shows no diff. */
export function readAnswer(meta: ResourceMeta, id: string, outs: Props): ReadResult<Props> {
  const inputs = Object.fromEntries(
    [...meta.inputs, "identity"].filter((k) => outs[k] !== undefined).map((k) => [k, outs[k]]),
  );
  return { id, props: outs, inputs };
}

/** `read` of an object fetched by id: its outputs, or GONE when it no longer exists. */
export async function readLive<E extends Entity>(
  meta: ResourceMeta,
  spec: SettleSpec<E>,
  id: string,
): Promise<ReadResult<Props>> {
  const entity = await spec.fetch(id);
  return entity && entity.state !== "DELETED" ? readAnswer(meta, id, spec.outputs(entity)) : GONE;
}

/** `domain\group`. */
export function checkGroups(property: string, value: unknown): Failure[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((g, i) =>
    isUnknown(g) || (typeof g === "string" && /^[^\\\s]+\\[^\\\s]+$/.test(g))
      ? []
      : [
          {
            property: `${property}[${i}]`,
            reason: `must be written domain\\group (was ${JSON.stringify(g)})`,
          },
        ],
  );
}

/** Security groups as plain names (the server may answer objects with an `inherited` flag). */
export function groupNames(
  groups: ReadonlyArray<string | { name: string; inherited?: boolean }> | undefined,
): string[] {
  return (groups ?? []).flatMap((g) => (typeof g === "string" ? [g] : g.inherited ? [] : [g.name]));
}

export const MINUTE = 60_000;
