import { createCipheriv, createDecipheriv, randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { PRIVATE_FILE_MODE } from "./private";

/** The key lives beside the database, not in it: a copy of photon.sqlite alone opens no password. */
export const SECRET_KEY_FILE = "secrets.key";
const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function loadOrCreateKey(file: string): Buffer {
  try {
    // "wx": two controllers started on one empty folder cannot each write a different key.
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: PRIVATE_FILE_MODE, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  fs.chmodSync(file, PRIVATE_FILE_MODE);
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  if (key.length !== 32)
    throw new Error(`${file} does not hold a 256-bit key in hex: restore it from backup`);
  return key;
}

/**
 * Seals secrets the controller must be able to read back (a host's password: a real controller logs in
 * to the ESXi host with it, so a hash would not do) with AES-256-GCM. `context` (the host id) is bound
 * as associated data, so a sealed value copied onto another row does not open.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** The box of a data folder; its key file is made (owner-only) on first use. */
  static forDataDir(dataDir: string): SecretBox {
    return new SecretBox(loadOrCreateKey(path.join(dataDir, SECRET_KEY_FILE)));
  }

  /** `v1:<base64 of iv, tag, ciphertext>`. */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv).setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  /** The plain text of a sealed value; throws when it was sealed with another key or context. */
  open(sealed: string, context: string): string {
    const [version, payload] = sealed.split(":");
    if (version !== VERSION || payload === undefined) throw new Error("not a sealed secret");
    const raw = Buffer.from(payload, "base64");
    const decipher = createDecipheriv(ALGORITHM, this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context)).setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  }
}
