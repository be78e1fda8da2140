import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeCa, openssl, serverExtensions, signCert } from "../../controller/kube/certs";

/** A CA of the tests' own, in a temporary folder: the operator's CA, or the wrong CA. */
export interface TestCa {
  readonly dir: string;
  readonly certFile: string;
  readonly pem: string;
  /** A serving certificate for `altNames` (`IP:127.0.0.1`, `DNS:other.example`), signed by this CA. */
  issue(name: string, altNames: readonly string[]): ServingFiles;
  /** As `issue`, valid only on the first day of 2020: long expired. */
  issueExpired(name: string, altNames: readonly string[]): ServingFiles;
  remove(): void;
}

export interface ServingFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

const CA = { cert: "ca.pem", key: "ca-key.pem" };

/** `openssl ca` is the one openssl command of version 3.0 that takes explicit validity dates. */
const CA_CONFIG = `[ ca ]
default_ca = test
[ test ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = none
[ any ]
commonName = supplied
`;

function issueExpired(dir: string, name: string, altNames: readonly string[]): ServingFiles {
  const files = { certFile: path.join(dir, `${name}.pem`), keyFile: path.join(dir, `${name}-key.pem`) };
  openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", files.keyFile], dir);
  openssl(["req", "-new", "-key", files.keyFile, "-subj", `/CN=${name}`, "-out", `${name}.csr`], dir);
  fs.writeFileSync(path.join(dir, "ca.cnf"), CA_CONFIG);
  fs.writeFileSync(path.join(dir, "index.txt"), "");
  fs.writeFileSync(path.join(dir, "serial"), "1000\n");
  fs.writeFileSync(path.join(dir, `${name}.ext`), serverExtensions(altNames));
  openssl(
    ["ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", CA.cert, "-keyfile", CA.key]
      .concat(["-in", `${name}.csr`, "-out", files.certFile, "-extfile", `${name}.ext`])
      .concat(["-startdate", "20200101000000Z", "-enddate", "20200102000000Z"]),
    dir,
  );
  return files;
}

export function makeTestCa(commonName: string): TestCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "photon-test-ca-"));
  makeCa(dir, CA, commonName);
  const certFile = path.join(dir, CA.cert);
  return {
    dir,
    certFile,
    pem: fs.readFileSync(certFile, "utf8"),
    issue: (name, altNames) => {
      const out = { cert: `${name}.pem`, key: `${name}-key.pem` };
      signCert(dir, CA, out, { subject: `/CN=${name}`, extensions: serverExtensions(altNames) });
      return { certFile: path.join(dir, out.cert), keyFile: path.join(dir, out.key) };
    },
    issueExpired: (name, altNames) => issueExpired(dir, name, altNames),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
