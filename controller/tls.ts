import { X509Certificate } from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { makeCa, serverExtensions, signCert, type PemPair } from "./kube/certs";
import { isLoopback } from "./loopback";
import { makeFilesPrivate, makePrivateDir } from "./store/private";

/** HTTPS with a certificate and key the operator brings (PEM files), or with a CA the controller makes. */
export type TlsOptions = { certFile: string; keyFile: string } | { selfSigned: true };

/** The CA a self-made certificate chains to: what clients give as photon:caCert. */
export interface ControllerCa {
  readonly file: string;
  readonly pem: string;
}

/** What the HTTPS server is given, and the CA to trust when the controller made it. */
export interface ServingTls {
  readonly cert: string;
  readonly key: string;
  readonly ca?: ControllerCa;
}

/** Folder (in the data folder) and file names of the self-made PKI. */
export const TLS_DIR = "tls";
const CA: PemPair = { cert: "ca.pem", key: "ca-key.pem" };
const SERVER: PemPair = { cert: "server.pem", key: "server-key.pem" };
/** The CA lives ten years so clients keep trusting it; serving certificates are re-made from it. */
const CA_DAYS = 3650;
const SERVER_DAYS = 825;
/** A serving certificate this close to its end is re-made at start-up, before clients see it expire. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;
const WILDCARD_HOSTS = ["0.0.0.0", "::", ""];

/**
 * Plain HTTP carries passwords and tokens in clear text, so it is served on loopback only unless the
 * caller says it knows (allowInsecureHttp): a thrown error before anything listens.
 */
export function refusePlainHttpBeyondLoopback(host: string, tls: boolean, allowInsecureHttp: boolean): void {
  if (tls || allowInsecureHttp || isLoopback(host)) return;
  throw new Error(
    `refusing to serve plain HTTP on ${host}: passwords and tokens would cross the network in clear text. ` +
      "Serve HTTPS (--tls for a certificate the controller makes, or --tls-cert FILE --tls-key FILE), " +
      "listen on 127.0.0.1, or accept the risk with --allow-insecure-http",
  );
}

/** The certificate, key and (when self-made) CA of the HTTPS server. */
export function servingTls(options: TlsOptions, dataDir: string, host: string): ServingTls {
  if ("certFile" in options)
    return { cert: fs.readFileSync(options.certFile, "utf8"), key: fs.readFileSync(options.keyFile, "utf8") };
  // Absolute: the CA file's path is printed for clients that run from other folders.
  return selfMadeTls(path.resolve(dataDir, TLS_DIR), host);
}

/**
 * The controller's own CA (made once, then kept: clients were told to trust it) and a serving
 * certificate it signed for every name the server answers to; the certificate is made again when a
 * name is missing (the host changed), when it nears its end, or when the CA is not its issuer.
 */
function selfMadeTls(dir: string, host: string): ServingTls {
  makePrivateDir(dir);
  const file = (name: string) => path.join(dir, name);
  if (!fs.existsSync(file(CA.cert)) || !fs.existsSync(file(CA.key)))
    makeCa(dir, CA, "photon-controller-ca", CA_DAYS);
  const names = servingNames(host);
  const ca = new X509Certificate(fs.readFileSync(file(CA.cert)));
  if (!servingCertFits(dir, ca, names))
    signCert(dir, CA, SERVER, {
      subject: "/CN=photon-controller",
      extensions: serverExtensions(names),
      days: SERVER_DAYS,
    });
  makeFilesPrivate(dir);
  return {
    cert: fs.readFileSync(file(SERVER.cert), "utf8"),
    key: fs.readFileSync(file(SERVER.key), "utf8"),
    ca: { file: file(CA.cert), pem: ca.toString() },
  };
}

/** localhost, 127.0.0.1, ::1 and the listen host; on a wildcard, the machine's name and addresses. */
export function servingNames(host: string): string[] {
  const hosts = ["localhost", "127.0.0.1", "::1"];
  if (!WILDCARD_HOSTS.includes(host)) hosts.push(host.replace(/^\[(.*)\]$/, "$1"));
  else {
    hosts.push(os.hostname());
    for (const list of Object.values(os.networkInterfaces()))
      for (const i of list ?? []) if (!i.internal) hosts.push(i.address.replace(/%.*$/, ""));
  }
  return [...new Set(hosts.map((h) => (net.isIP(h) ? `IP:${h}` : `DNS:${h}`)))];
}

function servingCertFits(dir: string, ca: X509Certificate, names: readonly string[]): boolean {
  const certFile = path.join(dir, SERVER.cert);
  if (!fs.existsSync(certFile) || !fs.existsSync(path.join(dir, SERVER.key))) return false;
  const cert = new X509Certificate(fs.readFileSync(certFile));
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return false;
  if (Date.parse(cert.validTo) - Date.now() < RENEW_BEFORE_MS) return false;
  return names.every((n) =>
    n.startsWith("IP:") ? cert.checkIP(n.slice(3)) !== undefined : cert.checkHost(n.slice(4)) !== undefined,
  );
}
