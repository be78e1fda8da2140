import * as fs from "fs";
import * as path from "path";

/**
 * The data folder holds the SQLite database (host passwords sealed, user password hashes, the token
 * signing secret), the key that opens the sealed passwords and the TLS keys: nobody but the controller's
 * own user may read any of it, so it is made 0700 and its files 0600 (docs/decisions/0104).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and its missing parents) owner-only; an existing folder keeps its mode. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates `file` empty and owner-only if it does not exist, and makes it owner-only if it does. Called
 * before SQLite opens its database: SQLite gives the -wal and -shm files the database file's mode.
 */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes every file directly in `dir` owner-only (openssl writes its files with the default mode). */
export function makeFilesPrivate(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
    if (entry.isFile()) fs.chmodSync(path.join(dir, entry.name), PRIVATE_FILE_MODE);
}
