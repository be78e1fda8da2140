import { SecurityPolicy as ApiPolicy } from "../client/types";
import {
  POLICY_ACTION_VALUES,
  PROTOCOL_VALUES,
  SECURITY_POLICY_FIELDS,
  SECURITY_RULE_FIELDS,
  SecurityPolicy,
  TRAFFIC_DIRECTION_VALUES,
} from "../generated/schema";
import { checkCidrInput } from "./cidr";
import { checkName, Failure, isUnknown } from "./common";
import { bare, firstDuplicate, isPlainObject, shown, strayFields } from "./wording";

function oneOf(property: string, value: unknown, allowed: readonly string[]): Failure[] {
  if (isUnknown(value) || allowed.includes(value as string)) return [];
  return [{ property, reason: `must be one of ${allowed.join(", ")} (was ${shown(value)})` }];
}

/** `80` or `8000-8100`, within 1..65535, low <= high. */
export function portProblem(port: string): string | undefined {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(port);
  if (!match?.[1]) return "must be a port (80) or a range (8000-8100)";
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low < 1 || high > 65535) return "must lie within 1-65535";
  if (low > high) return "must not start above its end";
  return undefined;
}

function checkPorts(property: string, r: Record<string, unknown>): Failure[] {
  if (r.ports === undefined || isUnknown(r.ports)) return [];
  // null is refused like any other value that is not a list: it is not "no ports".
  if (!Array.isArray(r.ports)) return [{ property: `${property}.ports`, reason: "must be a list of ports" }];
  const failures: Failure[] = [];
  if (r.ports.length > 0 && !isUnknown(r.protocol) && r.protocol !== "TCP" && r.protocol !== "UDP") {
    failures.push({
      property: `${property}.ports`,
      reason: `are only allowed for TCP and UDP (protocol is ${bare(r.protocol)})`,
    });
  }
  r.ports.forEach((p: unknown, i) => {
    const problem = isUnknown(p) ? undefined : typeof p === "string" ? portProblem(p) : "must be a string";
    if (problem)
      failures.push({ property: `${property}.ports[${i}]`, reason: `${problem} (was ${shown(p)})` });
  });
  return failures;
}

function checkRule(property: string, r: unknown): Failure[] {
  if (isUnknown(r)) return [];
  if (!isPlainObject(r)) return [{ property, reason: "must be a rule object" }];
  const failures = [
    ...strayFields(property, r, SECURITY_RULE_FIELDS, "a security rule"),
    ...checkName(`${property}.name`, r.name),
    ...oneOf(`${property}.direction`, r.direction, TRAFFIC_DIRECTION_VALUES),
    ...oneOf(`${property}.action`, r.action, POLICY_ACTION_VALUES),
    ...oneOf(`${property}.protocol`, r.protocol, PROTOCOL_VALUES),
  ];
  if (!isUnknown(r.cidrs) && (!Array.isArray(r.cidrs) || r.cidrs.length === 0))
    failures.push({
      property: `${property}.cidrs`,
      reason: "must list at least one CIDR (0.0.0.0/0 for any)",
    });
  else if (Array.isArray(r.cidrs))
    r.cidrs.forEach((c: unknown, i) => failures.push(...checkCidrInput(`${property}.cidrs[${i}]`, c)));
  return [...failures, ...checkPorts(property, r)];
}

/** A null policy is refused by `nullFailures`, like every null input. */
export function checkPolicy(property: string, p: unknown): Failure[] {
  if (p === undefined || p === null || isUnknown(p)) return [];
  if (!isPlainObject(p)) return [{ property, reason: "must be an object with defaultAction and rules" }];
  const failures = [
    ...strayFields(property, p, SECURITY_POLICY_FIELDS, "a security policy"),
    ...oneOf(`${property}.defaultAction`, p.defaultAction, POLICY_ACTION_VALUES),
  ];
  if (p.rules === undefined || isUnknown(p.rules)) return failures;
  if (!Array.isArray(p.rules))
    return [...failures, { property: `${property}.rules`, reason: "must be a list of rules" }];
  p.rules.forEach((r: unknown, i) => failures.push(...checkRule(`${property}.rules[${i}]`, r)));
  const names = p.rules
    .map((r: unknown) => (isPlainObject(r) ? r.name : undefined))
    .filter((n) => typeof n === "string" && !isUnknown(n));
  const dupe = firstDuplicate(names);
  if (dupe)
    failures.push({
      property: `${property}.rules`,
      reason: `has two rules named ${bare(dupe.value)}; names must be unique`,
    });
  return failures;
}

/** The policy as the server stores it (ports always present), for comparison and the PUT body. */
export function normalizePolicy(
  policy: SecurityPolicy | ApiPolicy | null | undefined,
): ApiPolicy | undefined {
  if (!policy) return undefined;
  return {
    defaultAction: policy.defaultAction,
    rules: (policy.rules ?? []).map((r) => ({
      name: r.name,
      direction: r.direction,
      action: r.action,
      protocol: r.protocol,
      cidrs: r.cidrs,
      ports: r.ports ?? [],
    })),
  };
}
