import { formatIpv4, parseIpv4 } from "../../rules/ip";
import { Failure, isUnknown } from "./common";
import { bare } from "./wording";

/** IPv4 CIDR arithmetic for checks: pure functions, property-tested. */

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

/** Parses `a.b.c.d`; undefined when it is not a dotted-quad IPv4 address (the shared rule). */
export const parseIp = parseIpv4;
export const formatIp = formatIpv4;

export function size(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** A CIDR, or the reason the text is not one (the words complete "must be ..."/"is ..."). */
export function parseCidr(text: string): Cidr | { readonly problem: string } {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!match?.[1] || !match[2])
    return { problem: "must be an IPv4 range in CIDR notation such as 10.0.0.0/16" };
  const ip = parseIp(match[1]);
  const prefix = Number(match[2]);
  if (ip === undefined) return { problem: `has an invalid address ${bare(match[1])}` };
  if (prefix > 32) return { problem: `has a prefix length above 32` };
  const base = ip - (ip % size(prefix));
  if (base !== ip) return { problem: `has host bits set: write ${formatIp(base)}/${prefix}` };
  return { base, prefix };
}

export function isCidr(value: Cidr | { readonly problem: string }): value is Cidr {
  return "base" in value;
}

/** True when every address of `inner` is in `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base - (inner.base % size(outer.prefix)) === outer.base;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(c.base)}/${c.prefix}`;
}

/** Check of a CIDR input: failures name the property and the problem. */
export function checkCidrInput(property: string, value: unknown): Failure[] {
  if (value === undefined || isUnknown(value)) return [];
  if (typeof value !== "string") return [{ property, reason: "must be a string in CIDR notation" }];
  const parsed = parseCidr(value);
  return isCidr(parsed) ? [] : [{ property, reason: `${parsed.problem} (was ${bare(value)})` }];
}
