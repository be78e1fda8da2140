import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { Network } from "../resources.generated";

export const DEFAULT_ADMIN_PORTS: readonly number[] = [22, 3389, 6443];
/** Peer ranges that mean "anyone": the whole IPv4 and IPv6 spaces. */
export const OPEN_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];

/** The parts of a security rule these checks read (inputs as the program wrote them). */
export interface RuleShape {
  readonly name: string;
  readonly direction: string;
  readonly action: string;
  readonly protocol: string;
  readonly cidrs: readonly string[];
  readonly ports?: readonly string[];
}

/** Does a rule's port list reach `port`? No ports on TCP/UDP, or protocol ANY, means every port. */
export function reachesPort(rule: Pick<RuleShape, "protocol" | "ports">, port: number): boolean {
  if (rule.protocol === "ICMP") return false;
  const ports = rule.protocol === "ANY" ? [] : (rule.ports ?? []);
  if (ports.length === 0) return true;
  return ports.some((p) => {
    const [low, high] = p.split("-").map(Number);
    return low !== undefined && port >= low && port <= (high ?? low);
  });
}

/**
 * Rules that let anyone in on an administrative port, as "<rule> opens <port> to <cidr>". Rules are
 * looked at one by one: an earlier DENY that shadows an ALLOW is not credited (a reviewer should not
 * have to work out the order to see the port is safe).
 */
export function adminExposures(rules: readonly RuleShape[], adminPorts: readonly number[]): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    if (rule.direction !== "INGRESS" || rule.action !== "ALLOW") continue;
    const open = rule.cidrs.filter((c) => OPEN_CIDRS.includes(c));
    for (const cidr of open)
      for (const port of adminPorts.filter((p) => reachesPort(rule, p)))
        found.push(`rule ${rule.name} opens port ${port} to ${cidr}`);
  }
  return found;
}

/** Without a policy the server allows every flow, so a missing policy is as bad as ALLOW. */
export function defaultDenyProblem(defaultAction: string | undefined): string | undefined {
  if (defaultAction === "DENY") return undefined;
  return defaultAction === undefined
    ? "the network has no securityPolicy: set one with defaultAction DENY"
    : `securityPolicy.defaultAction is ${defaultAction}: it must be DENY`;
}

export const networkAdminPortsClosed: ResourceValidationPolicy = {
  name: "photon-network-admin-ports-closed",
  description:
    "No network security rule allows 0.0.0.0/0 (or ::/0) in on an administrative port (22, 3389, 6443 unless configured).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      adminPorts: {
        type: "array",
        items: { type: "integer", minimum: 1, maximum: 65535 },
        default: [...DEFAULT_ADMIN_PORTS],
        description: "Ports no rule may open to everyone.",
      },
    },
  },
  validateResource: validateResourceOfType(Network, (network, args, reportViolation) => {
    const { adminPorts } = args.getConfig<{ adminPorts?: number[] }>();
    const rules = network.securityPolicy?.rules ?? [];
    for (const exposure of adminExposures(rules, adminPorts ?? DEFAULT_ADMIN_PORTS))
      reportViolation(exposure);
  }),
};

export const networkDefaultDeny: ResourceValidationPolicy = {
  name: "photon-network-default-deny",
  description: "Every network's security policy denies the traffic no rule allows (defaultAction DENY).",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(Network, (network, _args, reportViolation) => {
    const problem = defaultDenyProblem(network.securityPolicy?.defaultAction);
    if (problem) reportViolation(problem);
  }),
};
