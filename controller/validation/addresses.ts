import { ipv4Problem, netmaskProblem } from "../../rules/ip";
import type { Problem } from "../../rules/wording";

/** Each entry of a list of IPv4 addresses (a subnet's DNS servers), named `property[i]`. */
export function addressListProblem(property: string, list: readonly string[]): Problem | undefined {
  for (const [i, value] of list.entries()) {
    const problem = ipv4Problem(value);
    if (problem) return { property: `${property}[${i}]`, problem, value };
  }
  return undefined;
}

const ADDRESS_KEYS = ["dns", "gateway", "master_ip", "load_balancer_ip"] as const;

/** The address-valued extendedProperties of a cluster (dns, gateway, netmask, master and balancer IPs). */
export function extendedAddressProblem(ext: Readonly<Record<string, string>>): Problem | undefined {
  for (const key of ADDRESS_KEYS) {
    const value = ext[key];
    const problem = value === undefined ? undefined : ipv4Problem(value);
    if (problem && value !== undefined) return { property: `extendedProperties.${key}`, problem, value };
  }
  const mask = ext["netmask"];
  const maskProblem = mask === undefined ? undefined : netmaskProblem(mask);
  return maskProblem && mask !== undefined
    ? { property: "extendedProperties.netmask", problem: maskProblem, value: mask }
    : undefined;
}
