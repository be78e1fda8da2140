import { ApiError } from "../http/errors";
import { isLoopback } from "../loopback";

/**
 * A password may travel in a request only where nobody can read it on the way: over HTTPS, or over
 * plain HTTP that never leaves the machine (the tests and the demo on 127.0.0.1).
 */
export function passwordGrantAllowed(secure: boolean, remoteAddress: string): boolean {
  return secure || isLoopback(remoteAddress);
}

/** Throws 403 InsecureTransport for a password sent over plain HTTP from another machine. */
export function requireSafePasswordTransport(baseUrl: string, remoteAddress: string): void {
  if (passwordGrantAllowed(baseUrl.startsWith("https:"), remoteAddress)) return;
  throw new ApiError(
    403,
    "InsecureTransport",
    `the password grant is refused over plain HTTP from ${remoteAddress}: the password crossed the ` +
      "network in clear text. Use the controller's https:// endpoint (photon-controller --tls) and change " +
      "that password",
    { error: "invalid_request" },
  );
}
