/**
 * IPv4 ranges in CIDR notation: parsing, containment, overlap and allocation, one rule for the provider's
 * `check` and the controller (networks, subnets, project ranges, policy peers, cluster networks).
 * Pure and property-tested.
 */
import { formatIpv4, parseIpv4 } from "./ip";

export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

/** Completes "<property> ..." when text is not written `a.b.c.d/n` (octets without leading zeros). */
export const CIDR_PROBLEM = "must be an IPv4 range in CIDR notation such as 10.0.0.0/16";
/** Completes "<property> ..." when the prefix length is above 32. */
export const PREFIX_PROBLEM = "must have a prefix length of at most 32";

const OCTET = "(0|[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5])";
/**
 * What a CIDR looks like, for the server's JSON schemas (documented in its OpenAPI, checked before any
 * handler). Host bits cannot be written as a pattern: `parseCidr` refuses them.
 */
export const CIDR_PATTERN = `^(${OCTET}\\.){3}${OCTET}/(0|[1-9]|[12]\\d|3[0-2])$`;

/** A leading zero is refused in the prefix as in the octets: `/08` reads as octal to some parsers. */
const SHAPE = /^([^/]+)\/(0|[1-9]\d?)$/;

export type ParsedCidr =
  { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly problem: string };

/** Number of addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Parses `a.b.c.d/n` into an aligned block; the problem completes "<property> ...". */
export function parseCidr(text: string): ParsedCidr {
  const match = SHAPE.exec(text);
  const address = match?.[1] === undefined ? undefined : parseIpv4(match[1]);
  if (address === undefined || match?.[2] === undefined) return { ok: false, problem: CIDR_PROBLEM };
  const prefix = Number(match[2]);
  if (prefix > 32) return { ok: false, problem: PREFIX_PROBLEM };
  const base = address - (address % blockSize(prefix));
  if (base !== address) return { ok: false, problem: hostBitsProblem({ base, prefix }) };
  return { ok: true, cidr: { base, prefix } };
}

/** The one wording of host bits: it names the range the user probably meant. */
export function hostBitsProblem(meant: Cidr): string {
  return `must have no host bits set (use ${formatCidr(meant)})`;
}

/** The problem with text as a CIDR, or undefined when it is one. */
export function cidrProblem(text: string): string | undefined {
  const parsed = parseCidr(text);
  return parsed.ok ? undefined : parsed.problem;
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.prefix}`;
}

/** True when every address of `inner` is in `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.prefix >= outer.prefix &&
    inner.base >= outer.base &&
    inner.base + blockSize(inner.prefix) <= outer.base + blockSize(outer.prefix)
  );
}

/** True when the blocks share an address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}

/**
 * The first block of /prefix inside range that overlaps none of taken, or undefined when there is none.
 * Walks aligned candidates and jumps past each blocking range, so it stays fast on large ranges.
 */
export function allocate(range: Cidr, taken: readonly Cidr[], prefix: number): Cidr | undefined {
  if (prefix < range.prefix || prefix > 32) return undefined;
  const step = blockSize(prefix);
  const end = range.base + blockSize(range.prefix);
  let base = range.base;
  while (base + step <= end) {
    const candidate = { base, prefix };
    const blocker = taken.find((t) => overlaps(t, candidate));
    if (!blocker) return candidate;
    const after = blocker.base + blockSize(blocker.prefix);
    base = Math.max(base + step, Math.ceil(after / step) * step);
  }
  return undefined;
}

/** First usable address of a range (the gateway); a /31 or /32 has no network address to skip. */
export function gateway(c: Cidr): string {
  return formatIpv4(c.prefix >= 31 ? c.base : c.base + 1);
}
