import { type SecurityPolicy as ApiPolicy } from "../client/types";
import {
  POLICY_ACTION_VALUES,
  PROTOCOL_VALUES,
  SECURITY_POLICY_FIELDS,
  SECURITY_RULE_FIELDS,
  type SecurityPolicy,
  TRAFFIC_DIRECTION_VALUES,
} from "../generated/schema";
import { nameProblem } from "../../rules/names";
import {
  DUPLICATE_RULE_PROBLEM,
  NO_CIDRS_PROBLEM,
  portProblem,
  portsNotTakenProblem,
  takesPorts,
} from "../../rules/security-policy";
import { oneOfProblem } from "../../rules/wording";
import { checkCidrInput } from "./cidr";
import { isUnknown } from "./props";
import { checkName, ruleFailure, type Failure, strayFields } from "./failures";
import { isPlainObject, shown } from "./wording";

/* check of a security policy by the policy rule (rules/security-policy), one untyped field at a time. */

function oneOf(property: string, value: unknown, allowed: readonly string[]): Failure[] {
  if (isUnknown(value) || allowed.includes(value as string)) return [];
  return ruleFailure(property, oneOfProblem(allowed), value);
}

function checkPorts(property: string, r: Record<string, unknown>): Failure[] {
  if (r.ports === undefined || isUnknown(r.ports)) return [];
  // null is refused like any other value that is not a list: it is not "no ports".
  if (!Array.isArray(r.ports)) return [{ property: `${property}.ports`, reason: "must be a list of ports" }];
  // A protocol that is no protocol has its own failure; its text (maybe 1 MB) is not repeated here.
  const protocol = PROTOCOL_VALUES.find((known) => known === r.protocol);
  const notTaken = protocol !== undefined && !takesPorts(protocol) && r.ports.length > 0;
  const forProtocol = notTaken ? portsNotTakenProblem(protocol) : undefined;
  return [
    ...ruleFailure(`${property}.ports`, forProtocol, r.ports),
    ...r.ports.flatMap((p: unknown, i) => {
      const at = `${property}.ports[${i}]`;
      if (isUnknown(p)) return [];
      if (typeof p !== "string") return [{ property: at, reason: `must be a string (was ${shown(p)})` }];
      return ruleFailure(at, portProblem(p), p);
    }),
  ];
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
    failures.push(...ruleFailure(`${property}.cidrs`, NO_CIDRS_PROBLEM, r.cidrs));
  else if (Array.isArray(r.cidrs))
    r.cidrs.forEach((c: unknown, i) => failures.push(...checkCidrInput(`${property}.cidrs[${i}]`, c)));
  return [...failures, ...checkPorts(property, r)];
}

/** The second and later rules of a name, each at its own name (a name the name rule refuses aside). */
function duplicateNames(property: string, rules: readonly unknown[]): Failure[] {
  const seen = new Set<string>();
  return rules.flatMap((r, i) => {
    const name = isPlainObject(r) ? r.name : undefined;
    if (typeof name !== "string" || isUnknown(name) || nameProblem(name)) return [];
    const repeated = seen.has(name);
    seen.add(name);
    return repeated ? ruleFailure(`${property}.rules[${i}].name`, DUPLICATE_RULE_PROBLEM, name) : [];
  });
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
  return [...failures, ...duplicateNames(property, p.rules)];
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
