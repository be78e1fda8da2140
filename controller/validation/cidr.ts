import { parseIpv4 } from "../../rules/ip";

/** IPv4 CIDR arithmetic for network and subnet ranges. Pure; property-tested. */
export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

const CIDR_RE = /^([^/]+)\/(\d{1,2})$/;

export function ipToNumber(parts: number[]): number {
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** Parses `a.b.c.d/n`; the problem text follows `<property> <problem> (was <value>)`. */
export function parseCidr(text: string): { ok: true; cidr: Cidr } | { ok: false; problem: string } {
  const m = CIDR_RE.exec(text);
  const addr = m?.[1] === undefined ? undefined : parseIpv4(m[1]);
  const prefix = Number(m?.[2] ?? "99");
  if (addr === undefined || prefix > 32) {
    return { ok: false, problem: "must be an IPv4 CIDR such as 10.0.0.0/16" };
  }
  const base = addr - (addr % 2 ** (32 - prefix));
  if (base !== addr) {
    return { ok: false, problem: `must have no host bits set (use ${format({ base, prefix })})` };
  }
  return { ok: true, cidr: { base, prefix } };
}

export function format(c: Cidr): string {
  return `${numberToIp(c.base)}/${c.prefix}`;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.prefix >= outer.prefix &&
    inner.base >= outer.base &&
    inner.base + size(inner) <= outer.base + size(outer)
  );
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/**
 * The first block of /prefix inside range that overlaps none of taken, or undefined when there is none.
 * Walks aligned candidates and jumps past each blocking range, so it stays fast on large ranges.
 */
export function allocate(range: Cidr, taken: Cidr[], prefix: number): Cidr | undefined {
  if (prefix < range.prefix || prefix > 32) return undefined;
  const step = 2 ** (32 - prefix);
  const end = range.base + size(range);
  let base = range.base;
  while (base + step <= end) {
    const candidate = { base, prefix };
    const blocker = taken.find((t) => overlaps(t, candidate));
    if (!blocker) return candidate;
    const after = blocker.base + size(blocker);
    base = Math.max(base + step, Math.ceil(after / step) * step);
  }
  return undefined;
}

/** First usable address of a range (the gateway), for ranges larger than /31. */
export function gateway(c: Cidr): string {
  return numberToIp(c.prefix >= 31 ? c.base : c.base + 1);
}
