import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** Files of one cluster's PKI, all PEM, all under one folder readable only by us. */
export interface ClusterPki {
  readonly dir: string;
  readonly caCert: string;
  readonly caKey: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly adminCert: string;
  readonly adminKey: string;
  readonly serviceAccountKey: string;
  readonly serviceAccountPub: string;
}

/** Runs openssl in `cwd`; its error output becomes the thrown error's message. */
export function openssl(args: readonly string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

function ecKey(file: string, cwd: string): void {
  openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", file], cwd);
}

/** A certificate and its key: file names inside one PKI folder. */
export interface PemPair {
  readonly cert: string;
  readonly key: string;
}

/** What a signed certificate says: its subject and its X.509 extensions (an openssl extfile). */
export interface CertRequest {
  readonly subject: string;
  readonly extensions: string;
  readonly days?: number;
}

/** Extensions of a TLS serving certificate for `altNames` (`IP:127.0.0.1`, `DNS:localhost`, ...). */
export function serverExtensions(altNames: readonly string[]): string {
  return (
    `subjectAltName=${altNames.join(",")}\n` +
    "extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
  );
}

/** A new EC key and a self-signed CA certificate for it, in `dir`. */
export function makeCa(dir: string, ca: PemPair, commonName: string, days = 3650): void {
  ecKey(ca.key, dir);
  openssl(
    [
      "req",
      "-x509",
      "-new",
      "-key",
      ca.key,
      "-subj",
      `/CN=${commonName}`,
      "-days",
      String(days),
      "-sha256",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
      "-out",
      ca.cert,
    ],
    dir,
  );
}

/** A new EC key (`out.key`) and its certificate (`out.cert`), signed by the CA `ca`, all in `dir`. */
export function signCert(dir: string, ca: PemPair, out: PemPair, req: CertRequest): void {
  const csr = `${out.cert}.csr`;
  const ext = `${out.cert}.ext`;
  ecKey(out.key, dir);
  openssl(["req", "-new", "-key", out.key, "-subj", req.subject, "-out", csr], dir);
  fs.writeFileSync(path.join(dir, ext), req.extensions);
  openssl(
    [
      "x509",
      "-req",
      "-in",
      csr,
      "-CA",
      ca.cert,
      "-CAkey",
      ca.key,
      "-CAcreateserial",
      "-days",
      String(req.days ?? 3650),
      "-sha256",
      "-extfile",
      ext,
      "-out",
      out.cert,
    ],
    dir,
  );
  fs.rmSync(path.join(dir, csr));
  fs.rmSync(path.join(dir, ext));
}

const CLUSTER_CA: PemPair = { cert: "ca.crt", key: "ca.key" };

function clusterCert(name: string, subject: string, extensions: string, dir: string): void {
  signCert(dir, CLUSTER_CA, { cert: `${name}.crt`, key: `${name}.key` }, { subject, extensions });
}

/** Makes (once) a CA, the API server's serving certificate, an admin client certificate and the
 * service-account signing key for one cluster. Keys are EC P-256: fast to make, accepted everywhere. */
export function ensureClusterPki(dir: string, clusterName: string): ClusterPki {
  const pki: ClusterPki = {
    dir,
    caCert: path.join(dir, "ca.crt"),
    caKey: path.join(dir, "ca.key"),
    serverCert: path.join(dir, "apiserver.crt"),
    serverKey: path.join(dir, "apiserver.key"),
    adminCert: path.join(dir, "admin.crt"),
    adminKey: path.join(dir, "admin.key"),
    serviceAccountKey: path.join(dir, "sa.key"),
    serviceAccountPub: path.join(dir, "sa.pub"),
  };
  if (fs.existsSync(pki.serviceAccountPub)) return pki;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  makeCa(dir, CLUSTER_CA, `${clusterName}-ca`);
  clusterCert(
    "apiserver",
    "/CN=kube-apiserver",
    serverExtensions([
      "IP:127.0.0.1",
      "IP:10.96.0.1",
      "DNS:localhost",
      "DNS:kubernetes",
      "DNS:kubernetes.default",
      "DNS:kubernetes.default.svc",
      "DNS:kubernetes.default.svc.cluster.local",
    ]),
    dir,
  );
  clusterCert(
    "admin",
    `/O=system:masters/CN=${clusterName}-admin`,
    "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n",
    dir,
  );
  ecKey("sa.key", dir);
  openssl(["ec", "-in", "sa.key", "-pubout", "-out", "sa.pub"], dir);
  for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o600);
  return pki;
}

/** A kubeconfig with the cluster's CA and an embedded client certificate. */
export function kubeconfigFor(pki: ClusterPki, server: string, clusterName: string): string {
  const b64 = (file: string): string => fs.readFileSync(file).toString("base64");
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${clusterName}`,
    "  cluster:",
    `    server: ${server}`,
    `    certificate-authority-data: ${b64(pki.caCert)}`,
    "users:",
    `- name: ${clusterName}-admin`,
    "  user:",
    `    client-certificate-data: ${b64(pki.adminCert)}`,
    `    client-key-data: ${b64(pki.adminKey)}`,
    "contexts:",
    `- name: ${clusterName}`,
    "  context:",
    `    cluster: ${clusterName}`,
    `    user: ${clusterName}-admin`,
    `current-context: ${clusterName}`,
    "",
  ].join("\n");
}
