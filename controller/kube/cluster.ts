import * as fs from "fs";
import * as path from "path";
import { type V1Node } from "@kubernetes/client-node";
import { type KubernetesBinaries } from "../../toolchain/binaries";
import { type KubeClients, kubeClients, waitFor } from "./client";
import { ControlPlane } from "./controlPlane";
import { killStale, portIsFree } from "./process";
import { Kwok } from "./kwok";
import { isNotFound, isConflict } from "./errors";
import { LABEL_PHOTON_HOST, nodeObject, type NodeShape } from "./nodes";

/** Resources every simulated node offers (the flavor of a cluster VM). */
export const NODE_CPU = 4;
export const NODE_MEMORY_MB = 8192;

export interface ClusterNode {
  readonly name: string;
  readonly role: "master" | "worker";
  readonly hostId: string;
  readonly vmId: string;
  readonly zone: string;
}

/** One running cluster: its control plane, its kwok, and typed clients for its API. */
export class RunningCluster {
  private constructor(
    readonly id: string,
    /** The Kubernetes version of the control plane. */
    readonly version: string,
    readonly plane: ControlPlane,
    readonly kwok: Kwok,
    readonly api: KubeClients,
  ) {}

  static async start(
    id: string,
    dir: string,
    etcdUrl: string,
    binaries: KubernetesBinaries,
  ): Promise<RunningCluster> {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    reapStaleComponents(dir, binaries);
    const portFile = path.join(dir, "port");
    // A restarted cluster keeps its port when it is still free, so kubeconfigs handed out stay valid.
    const previousPort = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, "utf8")) : undefined;
    const plane = await ControlPlane.start({
      name: `cluster-${id}`,
      dir,
      etcdUrl,
      etcdPrefix: etcdPrefixOf(id),
      binaries,
      port: previousPort && (await portIsFree(previousPort)) ? previousPort : undefined,
    });
    fs.writeFileSync(portFile, String(plane.port));
    fs.writeFileSync(path.join(dir, "version"), binaries.version);
    try {
      const kwok = await Kwok.start(
        binaries.kwok,
        binaries.kwokStages,
        plane.kubeconfigPath,
        path.join(dir, "kwok"),
      );
      return new RunningCluster(id, binaries.version, plane, kwok, kubeClients(plane.kubeconfig()));
    } catch (error) {
      await plane.stop();
      throw error;
    }
  }

  get pids(): number[] {
    return [...this.plane.pids, ...(this.kwok.pid === undefined ? [] : [this.kwok.pid])];
  }

  /** Creates the Node objects that do not exist yet and waits until every one of them is Ready. */
  async ensureNodes(nodes: readonly ClusterNode[], version: string, timeoutMs: number): Promise<void> {
    for (const node of nodes) {
      const shape: NodeShape = { ...node, cpu: NODE_CPU, memoryMb: NODE_MEMORY_MB, kubeletVersion: version };
      try {
        await this.api.core.createNode({ body: nodeObject(shape) });
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    const names = new Set(nodes.map((n) => n.name));
    await waitFor(
      `nodes ${[...names].join(", ")} Ready`,
      async () => {
        const ready = (await this.api.core.listNode()).items.filter(
          (n) => names.has(n.metadata?.name ?? "") && isReady(n),
        );
        return ready.length === names.size ? true : undefined;
      },
      timeoutMs,
    );
  }

  /**
   * Deletes Nodes (their VMs are gone) and the pods still bound to them, so their controllers recreate
   * those pods at once instead of after the pod garbage collector's quarantine of orphans.
   */
  async deleteNodes(names: readonly string[]): Promise<void> {
    for (const name of names) {
      try {
        await this.api.core.deleteNode({ name });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      await this.deletePodsBoundTo(name);
    }
  }

  private async deletePodsBoundTo(nodeName: string): Promise<void> {
    const pods = await this.api.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${nodeName}` });
    for (const pod of pods.items) {
      const { name, namespace } = pod.metadata ?? {};
      if (!name || !namespace) continue;
      try {
        await this.api.core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0 });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }

  async nodes(): Promise<V1Node[]> {
    return (await this.api.core.listNode()).items;
  }

  async nodesOnHost(hostId: string): Promise<V1Node[]> {
    return (await this.api.core.listNode({ labelSelector: `${LABEL_PHOTON_HOST}=${hostId}` })).items;
  }

  async stop(): Promise<void> {
    await this.kwok.stop();
    await this.plane.stop();
  }
}

/** Kills what a killed controller left running for this cluster, before its port is chosen again. */
function reapStaleComponents(dir: string, binaries: KubernetesBinaries): void {
  const components: [string, string][] = [
    [path.join(dir, "logs", "kube-apiserver.log.pid"), binaries.kubeApiserver],
    [path.join(dir, "logs", "kube-controller-manager.log.pid"), binaries.kubeControllerManager],
    [path.join(dir, "logs", "kube-scheduler.log.pid"), binaries.kubeScheduler],
    [path.join(dir, "kwok", "kwok.log.pid"), binaries.kwok],
  ];
  for (const [pidFile, binary] of components) killStale(pidFile, binary);
}

/** The control plane version a cluster last ran, if it ever started in `dir`. */
export function recordedVersion(dir: string): string | undefined {
  const file = path.join(dir, "version");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined;
}

export function etcdPrefixOf(clusterId: string): string {
  return `/clusters/${clusterId}`;
}

export function isReady(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}
