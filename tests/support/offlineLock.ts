import * as path from "path";

/** One entry of a package-lock.json (v3) `packages` map; only what the closure reads is typed. */
export interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
  readonly dev?: boolean;
  readonly [key: string]: unknown;
}
export type LockPackages = Readonly<Record<string, LockEntry>>;

/** Where node would find `name` required from the folder `from` (a lock key such as `node_modules/a`). */
export function resolveInLock(packages: LockPackages, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = parentOfPackage(dir)) {
    const key = dir === "" ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (packages[key]) return key;
    if (dir === "") return undefined;
  }
}

/** `a/node_modules/@s/b/node_modules/c` -> `a/node_modules/@s/b`; a top-level package -> "". */
function parentOfPackage(key: string): string {
  const at = key.lastIndexOf("/node_modules/");
  return at < 0 ? "" : key.slice(0, at);
}

function requiredNames(entry: LockEntry): string[] {
  const peers = Object.keys(entry.peerDependencies ?? {}).filter(
    (name) => entry.peerDependenciesMeta?.[name]?.optional !== true,
  );
  return [
    ...Object.keys(entry.dependencies ?? {}),
    ...Object.keys(entry.optionalDependencies ?? {}),
    ...peers,
  ];
}

/** The lock keys a set of top-level names needs, transitively, as node would resolve them. */
export function closure(packages: LockPackages, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  const queue: Array<[string, string]> = names.map((name) => ["", name]);
  for (let next = queue.pop(); next; next = queue.pop()) {
    const key = resolveInLock(packages, next[0], next[1]);
    if (key === undefined || found.has(key)) continue;
    found.add(key);
    for (const name of requiredNames(packages[key] ?? {})) queue.push([key, name]);
  }
  return found;
}

export interface OfflineLockSpec {
  readonly name: string;
  /** The packed tarball, relative to the program's folder (`../pulumi-photon-0.1.0.tgz`). */
  readonly tarball: string;
  readonly tarballIntegrity: string;
  /** The package.json of the packed package. */
  readonly packed: { readonly version: string; readonly dependencies: Readonly<Record<string, string>> };
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/**
 * A package-lock.json for a program that depends on the packed tarball, with every other package at
 * the version this repository's lock pins. npm's cache holds those packages' tarballs but not the
 * registry's metadata, so `npm ci --offline` installs from it only with a lock that names them all.
 */
export function offlineLock(repoPackages: LockPackages, spec: OfflineLockSpec): Record<string, unknown> {
  const self = "node_modules/pulumi-photon";
  const withSelf: LockPackages = {
    ...repoPackages,
    [self]: { version: spec.packed.version, dependencies: spec.packed.dependencies },
  };
  const runtime = closure(withSelf, Object.keys(spec.dependencies));
  const dev = closure(withSelf, Object.keys(spec.devDependencies));
  const packages: Record<string, unknown> = {
    "": { name: spec.name, dependencies: spec.dependencies, devDependencies: spec.devDependencies },
  };
  for (const key of [...new Set([...runtime, ...dev])].sort()) {
    // A package this program needs at run time is no dev package here, whatever it is in this repository.
    const entry: Record<string, unknown> = { ...withSelf[key] };
    delete entry.dev;
    packages[key] = runtime.has(key) ? entry : { ...entry, dev: true };
  }
  packages[self] = {
    version: spec.packed.version,
    resolved: `file:${spec.tarball}`,
    integrity: spec.tarballIntegrity,
    dependencies: spec.packed.dependencies,
  };
  return { name: spec.name, lockfileVersion: 3, requires: true, packages };
}

/** The relative path npm writes for a tarball beside the program's folder. */
export function tarballSpec(programDir: string, tarball: string): string {
  return path.relative(programDir, tarball).split(path.sep).join("/");
}
