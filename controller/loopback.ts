import * as net from "net";

/**
 * Whether a host name or IP address (a listen address, a client's address) stays on this machine:
 * `localhost`, 127.0.0.0/8, ::1, and 127.x written as an IPv4-mapped IPv6 address (how a dual-stack
 * socket reports an IPv4 loopback client).
 */
export function isLoopback(hostOrAddress: string): boolean {
  const a = hostOrAddress.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (a === "localhost") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice("::ffff:".length) : a;
  if (net.isIPv4(v4)) return v4.startsWith("127.");
  // The URL parser writes every spelling of an IPv6 address in one canonical form.
  return net.isIPv6(a) && new URL(`http://[${a}]/`).hostname === "[::1]";
}
