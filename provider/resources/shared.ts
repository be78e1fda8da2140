import type { CheckResult, ReadResult } from "@pulumi/pulumi/dynamic";
import { Deadline } from "../client";
import { ResourceMeta } from "../generated/schema";
import {
  checkShape,
  checkType,
  Failure,
  isUnknown,
  nullFailures,
  Props,
  RECORDED_INPUTS,
  withDefaults,
} from "./common";
import { checkAdoption } from "./adopt";
import { Entity, GONE, SettleSpec } from "./lifecycle";
import { checkTimeouts, Operation, TimeoutDefaults, timeoutMs } from "./timeouts";
import { shown } from "./wording";

/** Failures every resource shares: shape, adoption, timeouts, the identity the SDK sets. */
export function commonFailures(meta: ResourceMeta, inputs: Props): Failure[] {
  return [
    ...checkShape(meta, inputs),
    ...checkAdoption(meta, inputs),
    ...checkTimeouts(inputs.timeouts),
    ...checkType("identity", inputs.identity, "string"),
  ];
}

/**
 * Builds a check result: defaults filled, null inputs refused (looked for before defaults replace
 * them), and no second failure for a property already refused as null.
 */
export function checked(
  meta: ResourceMeta,
  news: Props,
  rules: (inputs: Props) => Failure[],
): CheckResult<Props> {
  const nulls = nullFailures(meta, news);
  const refused = new Set(nulls.map((f) => f.property));
  const inputs = withDefaults(meta, news);
  const others = [...commonFailures(meta, inputs), ...rules(inputs)].filter((f) => !refused.has(f.property));
  return { inputs, failures: [...nulls, ...others] };
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

/** `domain\group`; items that are not strings are refused by `checkStringArray` already. */
export function checkGroups(property: string, value: unknown): Failure[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((g, i) =>
    typeof g !== "string" || isUnknown(g) || /^[^\\\s]+\\[^\\\s]+$/.test(g)
      ? []
      : [{ property: `${property}[${i}]`, reason: `must be written domain\\group (was ${shown(g)})` }],
  );
}

/** Security groups as plain names (the server may answer objects with an `inherited` flag). */
export function groupNames(
  groups: ReadonlyArray<string | { name: string; inherited?: boolean }> | undefined,
): string[] {
  return (groups ?? []).flatMap((g) => (typeof g === "string" ? [g] : g.inherited ? [] : [g.name]));
}

export const MINUTE = 60_000;
