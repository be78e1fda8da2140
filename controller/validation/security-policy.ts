import type { SecurityPolicy } from "../model";
import { parseCidr } from "./cidr";

export interface Problem {
  property: string;
  problem: string;
  value: unknown;
}

function portProblem(port: string): string | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(port);
  if (!m) return "must be a port or a range such as 8000-8100";
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo < 1 || hi > 65535) return "must be between 1 and 65535";
  if (hi < lo) return "must be a range from low to high";
  return undefined;
}

/** Every problem of a security policy, in order; an empty list means it is valid. */
export function securityPolicyProblems(policy: SecurityPolicy, base = "securityPolicy"): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  policy.rules.forEach((rule, i) => {
    const at = `${base}.rules[${i}]`;
    if (seen.has(rule.name))
      problems.push({
        property: `${at}.name`,
        problem: "must be unique within the policy",
        value: rule.name,
      });
    seen.add(rule.name);
    for (const cidr of rule.cidrs) {
      const parsed = parseCidr(cidr);
      if (!parsed.ok) problems.push({ property: `${at}.cidrs`, problem: parsed.problem, value: cidr });
    }
    const portsAllowed = rule.protocol === "TCP" || rule.protocol === "UDP";
    if (!portsAllowed && rule.ports.length > 0) {
      problems.push({
        property: `${at}.ports`,
        problem: `must be empty for protocol ${rule.protocol}`,
        value: rule.ports,
      });
    }
    for (const port of portsAllowed ? rule.ports : []) {
      const problem = portProblem(port);
      if (problem) problems.push({ property: `${at}.ports`, problem, value: port });
    }
  });
  return problems;
}
