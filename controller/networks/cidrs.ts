import { invalidEntity } from "../http/errors";
import { allocate, contains, formatCidr, overlaps, parseCidr, type Cidr } from "../../rules/cidr";

export interface Ranged {
  name: string;
  privateIpCidr: string;
}

function parsed(text: string): Cidr {
  const r = parseCidr(text);
  return r.ok ? r.cidr : { base: 0, prefix: 32 };
}

/**
 * The CIDR a new network or subnet gets: the requested one, checked to lie in `range` and to overlap no
 * sibling (the message names the sibling), or the first free block of `defaultPrefix`.
 */
export function chooseCidr(
  requested: string | undefined,
  rangeText: string,
  siblings: Ranged[],
  kind: string,
  defaultPrefix: number,
): string {
  const range = parsed(rangeText);
  const taken = siblings.map((s) => parsed(s.privateIpCidr));
  if (requested === undefined) {
    const block = allocate(range, taken, Math.max(defaultPrefix, range.prefix));
    if (!block)
      throw invalidEntity(
        "privateIpCidr",
        `cannot be allocated: no free /${Math.max(defaultPrefix, range.prefix)} left in ${rangeText}`,
        null,
      );
    return formatCidr(block);
  }
  const r = parseCidr(requested);
  if (!r.ok) throw invalidEntity("privateIpCidr", r.problem, requested);
  if (!contains(range, r.cidr))
    throw invalidEntity("privateIpCidr", `must lie inside ${rangeText}`, requested);
  const clash = siblings.find((s) => overlaps(parsed(s.privateIpCidr), r.cidr));
  if (clash)
    throw invalidEntity(
      "privateIpCidr",
      `overlaps ${kind} ${clash.name} (${clash.privateIpCidr})`,
      requested,
    );
  return requested;
}
