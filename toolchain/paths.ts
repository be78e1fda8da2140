import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The repository (or installed package) root: the folder whose package.json is named pulumi-photon. */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string };
      if (name === "pulumi-photon") return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`no pulumi-photon package.json above ${from}`);
  }
}

export const TOOL_NAMES = [
  "pulumi",
  "pulumi-language-nodejs",
  "pulumi-resource-kubernetes",
  "kubernetes",
  "kubectl",
  "etcd",
  "kwok",
  "engine",
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface Versions {
  readonly pulumi: string;
  readonly pulumiLanguageNodejs: string;
  readonly pulumiKubernetes: string;
  readonly kubernetes: string;
  /** An older Kubernetes, so clusters can change version. */
  readonly kubernetesPrevious: string;
  readonly etcd: string;
  readonly kwok: string;
}

/** Parses tools/versions.env, the one list of toolchain versions. */
export function parseVersions(text: string): Versions {
  const values = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([A-Z_]+)=(\S+)\s*$/.exec(line);
    if (match?.[1] && match[2]) values.set(match[1], match[2]);
  }
  const need = (key: string): string => {
    const value = values.get(key);
    if (!value) throw new Error(`tools/versions.env has no ${key}`);
    return value;
  };
  return {
    pulumi: need("PULUMI"),
    pulumiLanguageNodejs: need("PULUMI_LANGUAGE_NODEJS"),
    pulumiKubernetes: need("PULUMI_KUBERNETES"),
    kubernetes: need("KUBERNETES"),
    kubernetesPrevious: need("KUBERNETES_PREVIOUS"),
    etcd: need("ETCD"),
    kwok: need("KWOK"),
  };
}

export function readVersions(root: string = packageRoot()): Versions {
  return parseVersions(fs.readFileSync(path.join(root, "tools", "versions.env"), "utf8"));
}

/** Where scripts/toolchain puts built binaries: PULUMI_PHOTON_CACHE or ~/.cache/pulumi-photon. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PULUMI_PHOTON_CACHE || path.join(os.homedir(), ".cache", "pulumi-photon");
}
