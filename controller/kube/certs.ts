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

function openssl(args: readonly string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

function ecKey(file: string, cwd: string): void {
  openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", file], cwd);
}

function signedCert(name: string, subject: string, extensions: string, dir: string): void {
  ecKey(`${name}.key`, dir);
  openssl(["req", "-new", "-key", `${name}.key`, "-subj", subject, "-out", `${name}.csr`], dir);
  fs.writeFileSync(path.join(dir, `${name}.ext`), extensions);
  openssl(
    [
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.crt",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "3650",
      "-sha256",
      "-extfile",
      `${name}.ext`,
      "-out",
      `${name}.crt`,
    ],
    dir,
  );
  fs.rmSync(path.join(dir, `${name}.csr`));
  fs.rmSync(path.join(dir, `${name}.ext`));
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
  ecKey("ca.key", dir);
  openssl(
    [
      "req",
      "-x509",
      "-new",
      "-key",
      "ca.key",
      "-subj",
      `/CN=${clusterName}-ca`,
      "-days",
      "3650",
      "-sha256",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
      "-out",
      "ca.crt",
    ],
    dir,
  );
  signedCert(
    "apiserver",
    "/CN=kube-apiserver",
    "subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default," +
      "DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local\n" +
      "extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n",
    dir,
  );
  signedCert(
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
