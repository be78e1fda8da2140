import { nameProblem, securityGroupProblem } from "../../rules/names";
import type { ResourceMeta } from "../generated/schema";
import { INTERNAL_INPUTS, isUnknown, type Props } from "./props";
import { fieldPath, shown } from "./wording";

/* check's answers ({property, reason}) and the rules every resource's check is built from. */

export interface Failure {
  readonly property: string;
  readonly reason: string;
}

/**
 * A rule's problem (rules/) as a failure: the reason ends with the value shown as the server shows it,
 * so `${property} ${reason}` is the sentence the server answers for the same input (decision 0005).
 */
export function ruleFailure(property: string, problem: string | undefined, value: unknown): Failure[] {
  return problem === undefined ? [] : [{ property, reason: `${problem} (was ${shown(value)})` }];
}

/** Photon's rule for entity names (rules/names). */
export function checkName(property: string, value: unknown): Failure[] {
  if (isUnknown(value)) return [];
  // The SDK class always sends a name (the resource's own by default): absent means a broken caller.
  if (value === undefined) return [{ property, reason: "is required" }];
  if (typeof value !== "string") return [{ property, reason: "must be a string" }];
  return ruleFailure(property, nameProblem(value), value);
}

/**
 * Null is a value, not an absence: schema.json has no nullable property, so a null input is refused by
 * name instead of being taken for "unset" (and silently replaced by a default). Leaving the property out
 * is how a program says unset. Nested nulls are refused by each field's own type check.
 */
export function nullFailures(meta: ResourceMeta, news: Props): Failure[] {
  const known = [...meta.inputs, ...INTERNAL_INPUTS];
  return Object.keys(news)
    .filter((key) => news[key] === null && known.includes(key))
    .map((key) => ({
      property: key,
      reason: meta.requiredInputs.includes(key)
        ? "is required (null is not a value)"
        : "must not be null (leave the property out instead)",
    }));
}

/** Required inputs, unknown property names (typos) and plain types. */
export function checkShape(meta: ResourceMeta, news: Props): Failure[] {
  const failures: Failure[] = [];
  for (const key of meta.requiredInputs) {
    if (news[key] === undefined || news[key] === "") failures.push({ property: key, reason: "is required" });
  }
  const known = new Set<string>([...meta.inputs, ...INTERNAL_INPUTS]);
  for (const key of Object.keys(news)) {
    if (!known.has(key) && key !== "__provider")
      failures.push({
        property: fieldPath("", key),
        reason: `is not an input of this resource (inputs: ${meta.inputs.join(", ")})`,
      });
  }
  return failures;
}

export function checkType(
  property: string,
  value: unknown,
  type: "string" | "boolean" | "number" | "integer",
): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  // Whole numbers beyond 2^53 are not exact, and NaN or Infinity are no amount of anything.
  if (type === "integer")
    return Number.isSafeInteger(value) ? [] : [{ property, reason: "must be a whole number" }];
  if (type === "number")
    return Number.isFinite(value) ? [] : [{ property, reason: "must be a finite number" }];
  return typeof value === type ? [] : [{ property, reason: `must be a ${type}` }];
}

export function checkStringArray(property: string, value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!Array.isArray(value)) return [{ property, reason: "must be a list of strings" }];
  return value.flatMap((v, i) =>
    typeof v === "string" || isUnknown(v)
      ? []
      : [{ property: `${property}[${i}]`, reason: "must be a string" }],
  );
}

/** `domain\group`; items that are not strings are refused by `checkStringArray` already. */
export function checkGroups(property: string, value: unknown): Failure[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((g, i) =>
    typeof g !== "string" || isUnknown(g) ? [] : ruleFailure(`${property}[${i}]`, securityGroupProblem(g), g),
  );
}

/** Failures for fields an object type does not declare (typos, or keys such as `__proto__`). */
export function strayFields(
  parent: string,
  value: Record<string, unknown>,
  fields: readonly string[],
  what: string,
): Failure[] {
  return Object.keys(value)
    .filter((k) => !fields.includes(k))
    .map((k) => ({
      property: fieldPath(parent, k),
      reason: `is not a field of ${what} (${fields.join(", ")})`,
    }));
}
