/**
 * TLS handshake failures in words. Node reports them as OpenSSL codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE);
 * a user needs to know which setting fixes them, so each maps to a code of its own and a sentence that
 * names the way out. Retrying one is pointless: the same certificate fails the same way.
 */

export const TLS_CODES = {
  untrusted: "UntrustedCertificate",
  hostMismatch: "CertificateHostMismatch",
  expired: "ExpiredCertificate",
  other: "TlsError",
} as const;

export interface TlsFailure {
  readonly code: string;
  readonly message: string;
}

/** OpenSSL verification results that mean: no trusted CA signed this certificate. */
const UNTRUSTED: readonly string[] = [
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "INVALID_CA",
];

const INSECURE_HINT = "or set photon:insecure to true to skip verification (test servers only)";

interface ErrorFacts {
  readonly code: string;
  readonly text: string;
  readonly host?: string;
  readonly altNames?: string;
}

function field(o: unknown, key: string): string | undefined {
  if (typeof o !== "object" || o === null || !(key in o)) return undefined;
  const value: unknown = (o as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

/** The code, text and certificate facts of an error or of the error it wraps (axios keeps it as cause). */
function facts(e: unknown): ErrorFacts {
  const cause: unknown = typeof e === "object" && e !== null && "cause" in e ? e.cause : undefined;
  const inner = field(cause, "code") ? cause : e;
  const cert: unknown =
    typeof inner === "object" && inner !== null && "cert" in inner ? inner.cert : undefined;
  return {
    code: field(inner, "code") ?? "",
    text: field(inner, "message") ?? "",
    host: field(inner, "host"),
    altNames: field(cert, "subjectaltname"),
  };
}

function untrusted(text: string, caGiven: boolean): TlsFailure {
  const why = caGiven
    ? "it is not signed by the CA given in photon:caCert (or PHOTON_CA_CERT)"
    : "it is not signed by a CA this machine trusts";
  return {
    code: TLS_CODES.untrusted,
    message:
      `the server's TLS certificate is not trusted (${text}): ${why}. Set photon:caCert (or ` +
      "PHOTON_CA_CERT) to the PEM text or file of the CA that signed it (the embedded controller " +
      `prints its CA file), ${INSECURE_HINT}`,
  };
}

/** The failure in words when `e` is a TLS handshake failure; undefined for any other error. */
export function tlsFailure(e: unknown, caGiven: boolean): TlsFailure | undefined {
  const f = facts(e);
  if (UNTRUSTED.includes(f.code)) return untrusted(f.text, caGiven);
  if (f.code === "ERR_TLS_CERT_ALTNAME_INVALID")
    return {
      code: TLS_CODES.hostMismatch,
      message:
        `the server's TLS certificate is for another host name: it names ${f.altNames || "no host"}, ` +
        `not ${f.host ?? "the host of photon:endpoint"}. Point photon:endpoint at a name the certificate ` +
        "lists, or give the server a certificate for this name",
    };
  if (f.code === "CERT_HAS_EXPIRED")
    return {
      code: TLS_CODES.expired,
      message: `the server's TLS certificate has expired: the server needs a new certificate, ${INSECURE_HINT}`,
    };
  if (f.code === "CERT_NOT_YET_VALID")
    return {
      code: TLS_CODES.other,
      message:
        "the server's TLS certificate is not valid yet: check the clocks of this machine and the server",
    };
  if (/wrong version number/i.test(f.text))
    return {
      code: TLS_CODES.other,
      message:
        "the server did not answer in TLS (wrong version number): if it serves plain HTTP, use http://",
    };
  return undefined;
}
