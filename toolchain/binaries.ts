import * as fs from "fs";
import * as path from "path";
import { cacheDir, packageRoot, readVersions, type ToolName } from "./paths";

export class ToolchainMissingError extends Error {
  constructor(
    readonly tool: ToolName,
    readonly folder: string,
  ) {
    super(`${tool} is not built (no ${folder}/.complete): run scripts/toolchain ${tool}`);
    this.name = "ToolchainMissingError";
  }
}

function toolDir(tool: ToolName, version: string, env: NodeJS.ProcessEnv): string {
  const dir = path.join(cacheDir(env), tool, version);
  if (!fs.existsSync(path.join(dir, ".complete"))) throw new ToolchainMissingError(tool, dir);
  return dir;
}

export interface EngineBinaries {
  /** Folder holding `pulumi` with its language host and plugin launchers beside it. */
  readonly binDir: string;
  readonly pulumi: string;
  /** PULUMI_HOME whose plugins folder holds the Kubernetes resource plugin (absent until built). */
  readonly sharedPulumiHome: string;
  readonly kubernetesPluginVersion: string;
}

/** The assembled engine folder scripts/toolchain makes: pulumi, the Node.js host and launchers. */
export function engineBinaries(root = packageRoot(), env = process.env): EngineBinaries {
  const v = readVersions(root);
  const binDir = toolDir("engine", `${v.pulumi}-${v.pulumiLanguageNodejs}`, env);
  return {
    binDir,
    pulumi: path.join(binDir, "pulumi"),
    sharedPulumiHome: path.join(cacheDir(env), "pulumi-home"),
    kubernetesPluginVersion: v.pulumiKubernetes,
  };
}

export interface KubernetesBinaries {
  readonly version: string;
  readonly kubeApiserver: string;
  readonly kubeControllerManager: string;
  readonly kubeScheduler: string;
  readonly etcd: string;
  readonly kwok: string;
  /** kwok's Stage files (node lifecycle and heartbeat, pod lifecycle), installed beside it. */
  readonly kwokStages: string[];
}

/** The Kubernetes versions the toolchain builds, newest first: the versions clusters can run. */
export function supportedKubernetesVersions(root = packageRoot()): string[] {
  const v = readVersions(root);
  return [v.kubernetes, v.kubernetesPrevious];
}

/** The binaries of one Kubernetes version (the newest by default) with the shared etcd and kwok. */
export function kubernetesBinaries(
  root = packageRoot(),
  env = process.env,
  version?: string,
): KubernetesBinaries {
  const v = readVersions(root);
  const wanted = version ?? v.kubernetes;
  if (!supportedKubernetesVersions(root).includes(wanted)) {
    throw new Error(
      `Kubernetes ${wanted} is not built here; supported: ${supportedKubernetesVersions(root).join(", ")}`,
    );
  }
  const kube = toolDir("kubernetes", wanted, env);
  const kwok = toolDir("kwok", v.kwok, env);
  const stages = path.join(kwok, "stages");
  return {
    version: wanted,
    kubeApiserver: path.join(kube, "kube-apiserver"),
    kubeControllerManager: path.join(kube, "kube-controller-manager"),
    kubeScheduler: path.join(kube, "kube-scheduler"),
    etcd: path.join(toolDir("etcd", v.etcd, env), "etcd"),
    kwok: path.join(kwok, "kwok"),
    kwokStages: fs.readdirSync(stages).map((file) => path.join(stages, file)),
  };
}

/** kubectl at the newest Kubernetes version. */
export function kubectlBinary(root = packageRoot(), env = process.env): string {
  return path.join(toolDir("kubectl", readVersions(root).kubernetes, env), "kubectl");
}
