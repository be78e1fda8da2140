import * as assert from "assert";
import { tlsFailure } from "../../../../provider/client/tls";

/** An error as axios throws it: the Node TLS error as its cause. */
function axiosLike(cause: Record<string, unknown>): Error {
  return Object.assign(new Error(String(cause["message"])), { code: cause["code"], cause });
}

describe("client TLS failures", () => {
  const unverified = {
    code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    message: "unable to verify the first certificate",
  };

  it("an unknown CA names photon:caCert and photon:insecure, never the bare OpenSSL code", () => {
    const failure = tlsFailure(axiosLike(unverified), false);
    assert.deepStrictEqual(failure, {
      code: "UntrustedCertificate",
      message:
        "the server's TLS certificate is not trusted (unable to verify the first certificate): it is not " +
        "signed by a CA this machine trusts. Set photon:caCert (or PHOTON_CA_CERT) to the PEM text or file " +
        "of the CA that signed it (the embedded controller prints its CA file), or set photon:insecure to " +
        "true to skip verification (test servers only)",
    });
    assert.ok(!failure.message.includes("UNABLE_TO_VERIFY"));
  });

  it("a wrong CA says the given CA did not sign the certificate", () => {
    for (const code of [
      "SELF_SIGNED_CERT_IN_CHAIN",
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "UNABLE_TO_GET_ISSUER_CERT",
    ])
      assert.match(
        tlsFailure(axiosLike({ code, message: "self-signed" }), true)?.message ?? "",
        /it is not signed by the CA given in photon:caCert \(or PHOTON_CA_CERT\)\. Set photon:caCert/,
      );
  });

  it("a certificate for other names says which names and which host", () => {
    const cause = {
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
      message: "Hostname/IP does not match certificate's altnames",
      host: "127.0.0.1",
      cert: { subjectaltname: "DNS:other.example" },
    };
    assert.deepStrictEqual(tlsFailure(axiosLike(cause), true), {
      code: "CertificateHostMismatch",
      message:
        "the server's TLS certificate is for another host name: it names DNS:other.example, not 127.0.0.1. " +
        "Point photon:endpoint at a name the certificate lists, or give the server a certificate for this name",
    });
  });

  it("an expired certificate says so; plain HTTP behind https:// says so", () => {
    assert.strictEqual(
      tlsFailure(axiosLike({ code: "CERT_HAS_EXPIRED", message: "certificate has expired" }), true)?.code,
      "ExpiredCertificate",
    );
    const plain = { code: "EPROTO", message: "write EPROTO ...:ssl3_get_record:wrong version number:..." };
    assert.strictEqual(
      tlsFailure(axiosLike(plain), false)?.message,
      "the server did not answer in TLS (wrong version number): if it serves plain HTTP, use http://",
    );
  });

  it("leaves other failures alone", () => {
    assert.strictEqual(
      tlsFailure(axiosLike({ code: "ECONNRESET", message: "socket hang up" }), false),
      undefined,
    );
    assert.strictEqual(tlsFailure(new Error("boom"), false), undefined);
  });
});
