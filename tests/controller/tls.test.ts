import * as assert from "assert";
import { spawn, type ChildProcess } from "child_process";
import { X509Certificate } from "crypto";
import * as fs from "fs";
import * as https from "https";
import * as path from "path";
import type { TLSSocket } from "tls";
import { startController } from "../../controller";
import { servingTls } from "../../controller/tls";
import { makeTestCa, type TestCa } from "../support/pki";
import { tempDir } from "./helpers";

interface Reached {
  status: number;
  cert: X509Certificate;
}

/** One GET over HTTPS that trusts only `ca`; answers the status and the certificate the server showed. */
function httpsGet(url: string, ca: string): Promise<Reached> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, agent: false }, (res) => {
      const cert = new X509Certificate((res.socket as TLSSocket).getPeerCertificate().raw);
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, cert }));
    });
    req.on("error", reject);
  });
}

const CLI = path.join(__dirname, "..", "..", "controller", "cli.js");

/** The CLI's output once `until` matches it, or once it exits. */
function cliOutput(proc: ChildProcess, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no ${String(until)} in: ${out}`)), 15000);
    const seen = (d: Buffer) => {
      out += d.toString();
      if (until.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    proc.stdout?.on("data", seen);
    proc.stderr?.on("data", seen);
    proc.on("exit", () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

/** Matches nothing: read the output until the process exits. */
const UNTIL_EXIT = /(?!)/;

function exitCode(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.on("exit", (code) => resolve(code)));
}

describe("controller TLS", () => {
  let testCa: TestCa;
  before(() => (testCa = makeTestCa("operator-ca")));
  after(() => testCa.remove());

  it("with tls.selfSigned serves HTTPS from a CA of its own, for localhost, 127.0.0.1 and ::1", async () => {
    const dataDir = tempDir();
    const c = await startController({ port: 0, dataDir, tls: { selfSigned: true } });
    try {
      assert.match(c.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.strictEqual(c.ca?.file, path.join(dataDir, "tls", "ca.pem"));
      assert.strictEqual(c.ca?.pem, fs.readFileSync(c.ca.file, "utf8"));
      const port = new URL(c.url).port;
      const reached = await httpsGet(`https://localhost:${port}/v1/available`, c.ca.pem);
      assert.strictEqual(reached.status, 200);
      assert.strictEqual(
        reached.cert.subjectAltName,
        "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1",
      );
      assert.ok(reached.cert.checkIssued(new X509Certificate(c.ca.pem)));
      assert.strictEqual((await httpsGet(`${c.url}/v1/available`, c.ca.pem)).status, 200);
      const tlsDir = path.join(dataDir, "tls");
      assert.strictEqual((fs.statSync(tlsDir).mode & 0o777).toString(8), "700");
      assert.deepStrictEqual(
        fs
          .readdirSync(tlsDir)
          .sort()
          .map((f) => [f, (fs.statSync(path.join(tlsDir, f)).mode & 0o777).toString(8)]),
        ["ca-key.pem", "ca.pem", "ca.srl", "server-key.pem", "server.pem"].map((f) => [f, "600"]),
      );
    } finally {
      await c.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("keeps its CA and serving certificate across a restart, so clients keep trusting it", async () => {
    const dataDir = tempDir();
    const first = await startController({ port: 0, dataDir, tls: { selfSigned: true } });
    const ca = first.ca?.pem ?? "";
    const served = fs.readFileSync(path.join(dataDir, "tls", "server.pem"), "utf8");
    await first.close();
    const second = await startController({ port: 0, dataDir, tls: { selfSigned: true } });
    try {
      assert.strictEqual(second.ca?.pem, ca);
      assert.strictEqual(fs.readFileSync(path.join(dataDir, "tls", "server.pem"), "utf8"), served);
      assert.strictEqual((await httpsGet(`${second.url}/v1/available`, ca)).status, 200);
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("makes the serving certificate again, from the same CA, for a host it does not name yet", () => {
    const dataDir = tempDir();
    try {
      const before = servingTls({ selfSigned: true }, dataDir, "127.0.0.1");
      const after = servingTls({ selfSigned: true }, dataDir, "photon.example");
      assert.strictEqual(after.ca?.pem, before.ca?.pem);
      const cert = new X509Certificate(after.cert);
      assert.strictEqual(cert.checkHost("photon.example"), "photon.example");
      assert.strictEqual(cert.checkIP("127.0.0.1"), "127.0.0.1");
      assert.notStrictEqual(after.cert, before.cert);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("serves the operator's certificate and key files, and makes no CA", async () => {
    const dataDir = tempDir();
    const files = testCa.issue("operator", ["IP:127.0.0.1"]);
    const c = await startController({
      port: 0,
      dataDir,
      tls: { certFile: files.certFile, keyFile: files.keyFile },
    });
    try {
      assert.strictEqual(c.ca, undefined);
      const reached = await httpsGet(`${c.url}/v1/available`, testCa.pem);
      assert.strictEqual(reached.status, 200);
      assert.strictEqual(
        reached.cert.raw.equals(new X509Certificate(fs.readFileSync(files.certFile)).raw),
        true,
      );
      assert.strictEqual(fs.existsSync(path.join(dataDir, "tls")), false);
    } finally {
      await c.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses plain HTTP beyond loopback before it touches the data folder", async () => {
    const dataDir = path.join(tempDir(), "never-made");
    await assert.rejects(startController({ port: 0, host: "0.0.0.0", dataDir }), {
      message:
        "refusing to serve plain HTTP on 0.0.0.0: passwords and tokens would cross the network in clear " +
        "text. Serve HTTPS (--tls for a certificate the controller makes, or --tls-cert FILE --tls-key FILE), " +
        "listen on 127.0.0.1, or accept the risk with --allow-insecure-http",
    });
    assert.strictEqual(fs.existsSync(dataDir), false);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it("photon-controller --tls prints the https URL and where its CA file is", async () => {
    const dataDir = tempDir();
    const args = [CLI, "--tls", "--port", "0", "--data", dataDir, "--kubernetes", "none"];
    const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const out = await cliOutput(proc, /CA certificate: .*\n/);
      const caFile = path.join(dataDir, "tls", "ca.pem");
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)\n/.exec(out)?.[1] ?? assert.fail(out);
      assert.ok(
        out.includes(
          `photon-controller CA certificate: ${caFile} (clients trust it through photon:caCert or PHOTON_CA_CERT)\n`,
        ),
        out,
      );
      assert.strictEqual(
        (await httpsGet(`${url}/v1/available`, fs.readFileSync(caFile, "utf8"))).status,
        200,
      );
    } finally {
      proc.kill("SIGTERM");
      assert.strictEqual(await exitCode(proc), 0);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("photon-controller --host 0.0.0.0 without TLS exits with the reason and listens on nothing", async () => {
    const dataDir = path.join(tempDir(), "never-made");
    const args = [CLI, "--host", "0.0.0.0", "--port", "0", "--data", dataDir, "--kubernetes", "none"];
    const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out = await cliOutput(proc, UNTIL_EXIT);
    assert.strictEqual(await exitCode(proc), 1);
    assert.match(out, /^photon-controller failed: refusing to serve plain HTTP on 0\.0\.0\.0: /);
    assert.ok(!out.includes("listening"), out);
    assert.strictEqual(fs.existsSync(dataDir), false);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
});
