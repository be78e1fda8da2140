/**
 * IPv4 addresses, one rule for the provider's `check` and the controller's validation, so both refuse the
 * same input with the same words. Pure: imports nothing of either side.
 */

/** One octet in decimal without leading zeros: `010` is refused, as some parsers read it as octal. */
const OCTET = /^(0|[1-9]\d{0,2})$/;

/** `a.b.c.d` as an unsigned 32-bit number; undefined when it is not a dotted-quad IPv4 address. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Completes "<property> ..." when text is not an IPv4 address. */
export const IPV4_PROBLEM = "must be an IPv4 address such as 10.0.0.2";
/** Completes "<property> ..." when text is not a netmask. */
export const NETMASK_PROBLEM = "must be an IPv4 netmask such as 255.255.255.0";

export function ipv4Problem(text: string): string | undefined {
  return parseIpv4(text) === undefined ? IPV4_PROBLEM : undefined;
}

/** A netmask is ones then zeros: 255.255.240.0 is one, 255.0.255.0 is not. */
export function netmaskProblem(text: string): string | undefined {
  const value = parseIpv4(text);
  if (value === undefined) return NETMASK_PROBLEM;
  const zeros = 2 ** 32 - 1 - value;
  return (zeros & (zeros + 1)) === 0 ? undefined : NETMASK_PROBLEM;
}

/** Completes "<property> ..." when text is neither an IP address nor a host name. */
export const HOST_ADDRESS_PROBLEM = "must be an IPv4 address, an IPv6 address or a host name";

const LABEL = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const IPV6 = /^[0-9a-fA-F:]+(%[a-zA-Z0-9]+)?$/;

/**
 * A host's address: an IPv4 address, an IPv6 address, or a host name of RFC 1123 labels. Four numeric
 * labels are read as an IPv4 address, so 999.1.1.1 is refused rather than taken as a name.
 */
export function hostAddressProblem(text: string): string | undefined {
  if (text.includes(":"))
    return IPV6.test(text) && text.split("::").length <= 2 ? undefined : HOST_ADDRESS_PROBLEM;
  const labels = text.split(".");
  if (labels.length === 4 && labels.every((l) => /^\d+$/.test(l)))
    return ipv4Problem(text) && HOST_ADDRESS_PROBLEM;
  if (text.length > 253 || labels.some((l) => !LABEL.test(l))) return HOST_ADDRESS_PROBLEM;
  return undefined;
}
