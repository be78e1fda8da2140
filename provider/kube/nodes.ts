import type { CoreV1Api, PolicyV1Api, V1Node, VersionApi } from "@kubernetes/client-node";
import { k8s } from "./load";
import type { Deadline } from "../client";

/** The Kubernetes APIs of one cluster, reached through the kubeconfig the Photon API serves. */
export interface KubeApis {
  readonly core: CoreV1Api;
  readonly policy: PolicyV1Api;
  readonly version: VersionApi;
}

export function kubeApis(kubeconfig: string): KubeApis {
  const { KubeConfig, CoreV1Api, PolicyV1Api, VersionApi } = k8s();
  const config = new KubeConfig();
  config.loadFromString(kubeconfig);
  return {
    core: config.makeApiClient(CoreV1Api),
    policy: config.makeApiClient(PolicyV1Api),
    version: config.makeApiClient(VersionApi),
  };
}

export function isApiStatus(e: unknown, code: number): boolean {
  return e instanceof k8s().ApiException && e.code === code;
}

/** What a refresh reports of the nodes: names of those Ready and of the others, sorted. */
export interface NodeHealth {
  readonly ready: string[];
  readonly notReady: string[];
  /** Cordoned nodes (spec.unschedulable). */
  readonly unschedulable: string[];
}

export function isNodeReady(node: V1Node): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

const nameOf = (n: V1Node): string => n.metadata?.name ?? "";

export async function nodeHealth(apis: KubeApis): Promise<NodeHealth> {
  const nodes = (await apis.core.listNode()).items;
  const names = (pick: (n: V1Node) => boolean) => nodes.filter(pick).map(nameOf).sort();
  return {
    ready: names(isNodeReady),
    notReady: names((n) => !isNodeReady(n)),
    unschedulable: names((n) => n.spec?.unschedulable === true),
  };
}

/** How a wait tells the user where it is ("2/5 nodes Ready"). */
export type Progress = (line: string) => void;

/**
 * Waits until every expected node exists and is Ready, reporting each change of the count. The
 * deadline error names the nodes still missing, so a stuck node is found without kubectl.
 */
export async function waitNodesReady(
  apis: KubeApis,
  expected: readonly string[],
  deadline: Deadline,
  progress: Progress,
): Promise<NodeHealth> {
  let reported = -1;
  for (;;) {
    const health = await nodeHealth(apis);
    const ready = expected.filter((n) => health.ready.includes(n));
    if (ready.length !== reported) progress(`${ready.length}/${expected.length} nodes Ready`);
    reported = ready.length;
    if (ready.length === expected.length) return health;
    if (deadline.expired()) {
      const missing = expected.filter((n) => !ready.includes(n));
      throw deadline.error(
        `${ready.length}/${expected.length} nodes Ready; not Ready: ${missing.join(", ")}`,
      );
    }
    await sleep(Math.min(300, deadline.remainingMs()));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
