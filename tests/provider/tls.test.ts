import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startController, type ControllerOptions, type RunningController } from "../../controller";
import { handlers, REAL_TRANSPORT } from "../../provider";
import { setClientOptions } from "../../provider/context";
import { makeTestCa, type TestCa } from "../support/pki";
import { checkedInputs, createAndVerify, startTestController, unique, useController } from "./harness";

interface TlsController {
  readonly c: RunningController;
  readonly close: () => Promise<void>;
}

async function startTls(tls: NonNullable<ControllerOptions["tls"]>): Promise<TlsController> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-provider-tls-"));
  const c = await startController({ port: 0, dataDir, tls });
  return {
    c,
    close: async () => {
      await c.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tenant made, read without drift and deleted through the handlers: the whole path works. */
async function roundTrip(url: string, settings: Record<string, string>): Promise<void> {
  useController(url, settings);
  const name = unique("tls");
  const made = await createAndVerify("Tenant", { name, identity: `urn:${name}` });
  await handlers("Tenant").delete(made.id, made.outs);
}

/** The message a create fails with, and that the client never waited to try again. */
async function failure(url: string, settings: Record<string, string>): Promise<string> {
  useController(url, settings);
  const sleeps: number[] = [];
  setClientOptions({ transport: { ...REAL_TRANSPORT, sleep: async (ms) => void sleeps.push(ms) } });
  const name = unique("tls");
  const inputs = await checkedInputs("Tenant", { name, identity: `urn:${name}` });
  const error = await handlers("Tenant")
    .create(inputs)
    .then(
      () => assert.fail("the create succeeded"),
      (e: unknown) => e as Error,
    );
  assert.deepStrictEqual(sleeps, [], "a TLS failure was retried");
  return error.message;
}

const UNTRUSTED =
  "Photon API POST /openidconnect/token: UntrustedCertificate: the server's TLS certificate is not trusted " +
  "(unable to verify the first certificate): ";
const WAYS_OUT =
  ". Set photon:caCert (or PHOTON_CA_CERT) to the PEM text or file of the CA that signed it (the embedded " +
  "controller prints its CA file), or set photon:insecure to true to skip verification (test servers only)";

describe("provider: a controller serving HTTPS from its own CA", function () {
  let tls: TlsController;
  let wrongCa: TestCa;
  before(async () => {
    tls = await startTls({ selfSigned: true });
    wrongCa = makeTestCa("wrong-ca");
  });
  after(async () => {
    delete process.env["PHOTON_CA_CERT"];
    wrongCa?.remove();
    await tls?.close();
  });
  const ca = () => tls.c.ca ?? assert.fail("the controller made no CA");

  it("works with photon:caCert given as PEM text", () => roundTrip(tls.c.url, { "photon:caCert": ca().pem }));

  it("works with photon:caCert given as a file path", () =>
    roundTrip(tls.c.url, { "photon:caCert": ca().file }));

  it("works with PHOTON_CA_CERT", async () => {
    process.env["PHOTON_CA_CERT"] = ca().file;
    try {
      await roundTrip(tls.c.url, {});
    } finally {
      delete process.env["PHOTON_CA_CERT"];
    }
  });

  it("works with photon:insecure true and no CA", () => roundTrip(tls.c.url, { "photon:insecure": "true" }));

  it("without a CA: the certificate is not trusted, photon:caCert and photon:insecure are the ways out", async () => {
    const message = await failure(tls.c.url, {});
    assert.strictEqual(message, `${UNTRUSTED}it is not signed by a CA this machine trusts${WAYS_OUT}`);
    assert.ok(!message.includes("UNABLE_TO_VERIFY"), message);
  });

  it("with the wrong CA: the given CA did not sign the certificate, and nothing is retried", async () => {
    const message = await failure(tls.c.url, { "photon:caCert": wrongCa.pem });
    assert.strictEqual(
      message,
      `${UNTRUSTED}it is not signed by the CA given in photon:caCert (or PHOTON_CA_CERT)${WAYS_OUT}`,
    );
  });

  it("an https:// endpoint on a plain HTTP controller says the server did not answer in TLS", async () => {
    const plain = await startTestController();
    try {
      assert.strictEqual(
        await failure(plain.url.replace(/^http:/, "https:"), { "photon:insecure": "true" }),
        "Photon API POST /openidconnect/token: TlsError: the server did not answer in TLS (wrong version " +
          "number): if it serves plain HTTP, use http://",
      );
    } finally {
      await plain.close();
    }
  });
});

describe("provider: controllers whose certificates do not fit", function () {
  let operatorCa: TestCa;
  before(() => (operatorCa = makeTestCa("operator-ca")));
  after(() => operatorCa?.remove());

  async function failureAgainst(files: { certFile: string; keyFile: string }): Promise<string> {
    const tls = await startTls(files);
    try {
      return await failure(tls.c.url, { "photon:caCert": operatorCa.pem });
    } finally {
      await tls.close();
    }
  }

  it("a certificate for another host name says which names it holds", async () => {
    const files = operatorCa.issue("other", ["DNS:other.example"]);
    assert.strictEqual(
      await failureAgainst(files),
      "Photon API POST /openidconnect/token: CertificateHostMismatch: the server's TLS certificate is for " +
        "another host name: it names DNS:other.example, not 127.0.0.1. Point photon:endpoint at a name the " +
        "certificate lists, or give the server a certificate for this name",
    );
  });

  it("an expired certificate says it has expired", async () => {
    const files = operatorCa.issueExpired("expired", ["IP:127.0.0.1", "DNS:localhost"]);
    assert.strictEqual(
      await failureAgainst(files),
      "Photon API POST /openidconnect/token: ExpiredCertificate: the server's TLS certificate has expired: " +
        "the server needs a new certificate, or set photon:insecure to true to skip verification (test " +
        "servers only)",
    );
  });
});
