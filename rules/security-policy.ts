/**
 * A network's security policy: rule names, peer ranges and ports, one rule for the provider's `check`
 * and the controller. Each part is exported for `check`, which meets untyped input one field at a time;
 * `securityPolicyProblems` puts them together for the server's typed body.
 */
import { parseCidr } from "./cidr";
import { nameProblem } from "./names";
import type { Problem } from "./wording";

/** `80` or `8000-8100`; the bounds and the order are looked at by `portProblem`. */
export const PORT_PATTERN = "^(\\d{1,5})(?:-(\\d{1,5}))?$";
export const PORT_SYNTAX_PROBLEM = "must be a port (80) or a range (8000-8100)";
export const PORT_RANGE_PROBLEM = "must be between 1 and 65535";
export const PORT_ORDER_PROBLEM = "must not start above its end";
/** Completes "<rule>.cidrs ...": a rule that matches no peer is a mistake, not a way to say "none". */
export const NO_CIDRS_PROBLEM = "must list at least one CIDR (0.0.0.0/0 for any)";
/** Completes "<rule>.name ..." for the second rule of a name. */
export const DUPLICATE_RULE_PROBLEM = "must be unique within the policy";

const PORT = new RegExp(PORT_PATTERN);

export function portProblem(port: string): string | undefined {
  const match = PORT.exec(port);
  if (!match?.[1]) return PORT_SYNTAX_PROBLEM;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low < 1 || high > 65535) return PORT_RANGE_PROBLEM;
  return low > high ? PORT_ORDER_PROBLEM : undefined;
}

/** Only TCP and UDP have ports; any other protocol matches whole hosts. */
export function takesPorts(protocol: string): boolean {
  return protocol === "TCP" || protocol === "UDP";
}

/** Completes "<rule>.ports ..." when ports are given for a protocol without ports. */
export function portsNotTakenProblem(protocol: string): string {
  return `must be empty for protocol ${protocol} (only TCP and UDP have ports)`;
}

/** A rule as the server holds it: the fields the rules look at. */
export interface PolicyRule {
  readonly name: string;
  readonly protocol: string;
  readonly cidrs: readonly string[];
  readonly ports: readonly string[];
}

function nameProblems(rule: PolicyRule, seen: ReadonlySet<string>, at: string): Problem[] {
  const problem = nameProblem(rule.name) ?? (seen.has(rule.name) ? DUPLICATE_RULE_PROBLEM : undefined);
  return problem ? [{ property: `${at}.name`, problem, value: rule.name }] : [];
}

function cidrProblems(cidrs: readonly string[], at: string): Problem[] {
  if (cidrs.length === 0) return [{ property: `${at}.cidrs`, problem: NO_CIDRS_PROBLEM, value: cidrs }];
  return cidrs.flatMap((cidr, i) => {
    const parsed = parseCidr(cidr);
    return parsed.ok ? [] : [{ property: `${at}.cidrs[${i}]`, problem: parsed.problem, value: cidr }];
  });
}

/** Ports given for a protocol without ports, then each bad port: the user may have more to fix. */
function portProblems(rule: PolicyRule, at: string): Problem[] {
  const eachPort = rule.ports.flatMap((port, i) => {
    const problem = portProblem(port);
    return problem ? [{ property: `${at}.ports[${i}]`, problem, value: port }] : [];
  });
  if (takesPorts(rule.protocol) || rule.ports.length === 0) return eachPort;
  return [
    { property: `${at}.ports`, problem: portsNotTakenProblem(rule.protocol), value: rule.ports },
    ...eachPort,
  ];
}

/** Every problem of a policy's rules, in order; `base` is the policy's property. Empty when valid. */
export function securityPolicyProblems(
  policy: { readonly rules: readonly PolicyRule[] },
  base = "securityPolicy",
): Problem[] {
  const seen = new Set<string>();
  return policy.rules.flatMap((rule, i) => {
    const at = `${base}.rules[${i}]`;
    const problems = [...nameProblems(rule, seen, at), ...cidrProblems(rule.cidrs, at)];
    seen.add(rule.name);
    return [...problems, ...portProblems(rule, at)];
  });
}
