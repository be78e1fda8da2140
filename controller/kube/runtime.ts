import * as fs from "fs";
import * as path from "path";
import type { ClusterRuntime, DrainOptions, NodeSpec, NodeState, RestoredCluster } from "../clusters/runtime";
import { type KubernetesBinaries, kubernetesBinaries } from "../../toolchain/binaries";
import { readVersions } from "../../toolchain/paths";
import { etcdPrefixOf, isReady, recordedVersion, RunningCluster } from "./cluster";
import { drainNode } from "./drain";
import { Etcd } from "./etcd";
import { nodeLeasesTaken, releaseNodeLeases, setNodesHealth } from "./hostHealth";
import { VolumeProvisioner } from "./provisioner";
import type { VolumeBackend } from "../volumes/backend";

export interface KubernetesRuntimeOptions {
  /** Holds etcd's data and one folder per cluster (PKI, kubeconfig, logs). */
  readonly dataDir: string;
  /** The binaries of a Kubernetes version (default: the toolchain's build of it). */
  readonly binariesFor?: (version: string) => KubernetesBinaries;
  /** How long a provision or resize waits for new nodes to be Ready. */
  readonly nodeReadyTimeoutMs?: number;
}

/**
 * Every cluster gets a real control plane (kube-apiserver, kube-controller-manager, kube-scheduler) on one
 * shared etcd under its own key prefix, and kwok nodes named after its VMs.
 */
export class KubernetesRuntime implements ClusterRuntime {
  private readonly binariesFor: (version: string) => KubernetesBinaries;
  private readonly clusters = new Map<string, Promise<RunningCluster>>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private etcd?: Promise<Etcd>;
  /** The Photon side of the volume provisioners (the controller hands it over once its store is open). */
  private volumes?: VolumeBackend;
  private readonly provisioners = new Map<string, VolumeProvisioner>();
  private readonly nodeReadyTimeoutMs: number;
  /** The newest Kubernetes the toolchain builds: new clusters' version, and etcd's. */
  private readonly defaultVersion = readVersions().kubernetes;

  constructor(private readonly options: KubernetesRuntimeOptions) {
    this.binariesFor =
      options.binariesFor ?? ((version) => kubernetesBinaries(undefined, undefined, version));
    this.nodeReadyTimeoutMs = options.nodeReadyTimeoutMs ?? 120_000;
  }

  async provision(clusterId: string, version: string, nodes: NodeSpec[]): Promise<void> {
    await (await this.cluster(clusterId, version)).ensureNodes(nodes, version, this.nodeReadyTimeoutMs);
  }

  async addNodes(clusterId: string, nodes: NodeSpec[]): Promise<void> {
    const cluster = await this.cluster(clusterId);
    await cluster.ensureNodes(nodes, cluster.version, this.nodeReadyTimeoutMs);
  }

  async removeNodes(clusterId: string, nodeNames: string[]): Promise<void> {
    await (await this.cluster(clusterId)).deleteNodes(nodeNames);
  }

  async nodeStates(clusterId: string): Promise<Map<string, NodeState>> {
    const nodes = await (await this.cluster(clusterId)).nodes();
    return new Map(
      nodes.map((n) => [
        n.metadata?.name ?? "",
        { ready: isReady(n), unschedulable: n.spec?.unschedulable === true },
      ]),
    );
  }

  async drainNode(clusterId: string, nodeName: string, drain: DrainOptions): Promise<void> {
    await drainNode((await this.cluster(clusterId)).api, nodeName, drain);
  }

  /**
   * Replaces a node by one of `version`: the replacement is Ready before the old node is drained, so the
   * evicted pods have somewhere to go (surge). Once every node runs `version`, the control plane moves to
   * it too, so the API server reports the new version at the end of a rolling upgrade.
   */
  async upgradeNode(
    clusterId: string,
    oldNode: string,
    replacement: NodeSpec,
    version: string,
    drain: DrainOptions,
  ): Promise<void> {
    const cluster = await this.cluster(clusterId);
    await cluster.ensureNodes([replacement], version, this.nodeReadyTimeoutMs);
    await drainNode(cluster.api, oldNode, drain);
    await cluster.deleteNodes([oldNode]);
    await this.exclusively(clusterId, async () => {
      const current = await this.cluster(clusterId);
      const kubelets = (await current.nodes()).map((n) => n.status?.nodeInfo?.kubeletVersion);
      if (current.version !== version && kubelets.every((v) => v === `v${version}`)) {
        await this.restartAt(current, version);
      }
    });
  }

  async kubeconfig(clusterId: string): Promise<string | undefined> {
    const cluster = this.clusters.get(clusterId);
    return cluster ? (await cluster).plane.kubeconfig() : undefined;
  }

  /** From now on, every cluster with a storage pool that starts (or is restored) runs a volume provisioner. */
  useVolumes(backend: VolumeBackend): void {
    this.volumes = backend;
  }

  async destroy(clusterId: string): Promise<void> {
    await this.stopProvisioner(clusterId);
    const cluster = this.clusters.get(clusterId);
    this.clusters.delete(clusterId);
    if (cluster) await (await cluster.catch(() => undefined))?.stop();
    await (await this.sharedEtcd()).deletePrefix(`${etcdPrefixOf(clusterId)}/`);
    fs.rmSync(this.clusterDir(clusterId), { recursive: true, force: true });
  }

  async restore(clusters: RestoredCluster[]): Promise<void> {
    for (const restored of clusters)
      await this.provision(restored.clusterId, restored.version, restored.nodes);
  }

  async setHostHealth(hostId: string, healthy: boolean): Promise<void> {
    for (const pending of this.clusters.values()) {
      const cluster = await pending.catch(() => undefined);
      if (cluster) await setNodesHealth(cluster.api, await cluster.nodesOnHost(hostId), healthy);
    }
  }

  /** Every process this runtime started: etcd and each cluster's components. */
  async pids(): Promise<number[]> {
    const clusters = await Promise.all([...this.clusters.values()].map((c) => c.catch(() => undefined)));
    const etcd = await this.etcd?.catch(() => undefined);
    return [...clusters.flatMap((c) => c?.pids ?? []), ...(etcd?.pid === undefined ? [] : [etcd.pid])];
  }

  /** etcd keys under a cluster's prefix (0 once it is destroyed). */
  async etcdKeysOf(clusterId: string): Promise<number> {
    return (await this.sharedEtcd()).countPrefix(`${etcdPrefixOf(clusterId)}/`);
  }

  async close(): Promise<void> {
    await Promise.all([...this.provisioners.keys()].map((id) => this.stopProvisioner(id)));
    const clusters = [...this.clusters.values()];
    this.clusters.clear();
    await Promise.all(clusters.map(async (c) => (await c.catch(() => undefined))?.stop()));
    const etcd = this.etcd;
    this.etcd = undefined;
    await (await etcd?.catch(() => undefined))?.stop();
  }

  /** The running cluster, started at `version` (else the version it last ran, else the newest) if needed. */
  private cluster(clusterId: string, version?: string): Promise<RunningCluster> {
    let cluster = this.clusters.get(clusterId);
    if (!cluster) {
      const dir = this.clusterDir(clusterId);
      const binaries = this.binariesFor(version ?? recordedVersion(dir) ?? this.defaultVersion);
      cluster = this.sharedEtcd()
        .then((etcd) => RunningCluster.start(clusterId, dir, etcd.url, binaries))
        .then((started) => this.withProvisioner(started));
      this.clusters.set(clusterId, cluster);
      cluster.catch(() => this.clusters.delete(clusterId));
    }
    return cluster;
  }

  /** Runs `work` after any earlier exclusive work on the same cluster has ended. */
  private exclusively<T>(clusterId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(clusterId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.locks.set(clusterId, next);
    return next;
  }

  /** Restarts a cluster's control plane on the binaries of `version`: same port, PKI and etcd prefix. */
  private async restartAt(cluster: RunningCluster, version: string): Promise<RunningCluster> {
    this.clusters.delete(cluster.id);
    await this.stopProvisioner(cluster.id);
    // The old kwok's Leases would hold the nodes from the new kwok until they expire (decision 0107).
    await cluster.kwok.stop();
    await releaseNodeLeases(cluster.api);
    await cluster.stop();
    const restarted = await this.cluster(cluster.id, version);
    await nodeLeasesTaken(restarted.api, this.nodeReadyTimeoutMs);
    return restarted;
  }

  /** Starts the cluster's volume provisioner when the cluster has a storage pool (its log beside the PKI). */
  private withProvisioner(cluster: RunningCluster): RunningCluster {
    if (this.volumes?.storageOf(cluster.id) && !this.provisioners.has(cluster.id)) {
      const log = path.join(this.clusterDir(cluster.id), "provisioner.log");
      this.provisioners.set(
        cluster.id,
        VolumeProvisioner.start(cluster.id, cluster.plane.kubeconfig(), this.volumes, log),
      );
    }
    return cluster;
  }

  private async stopProvisioner(clusterId: string): Promise<void> {
    const provisioner = this.provisioners.get(clusterId);
    this.provisioners.delete(clusterId);
    await provisioner?.stop();
  }

  private sharedEtcd(): Promise<Etcd> {
    if (!this.etcd) {
      const { etcd } = this.binariesFor(this.defaultVersion);
      this.etcd = Etcd.start(etcd, path.join(this.options.dataDir, "etcd"));
      this.etcd.catch(() => (this.etcd = undefined));
    }
    return this.etcd;
  }

  private clusterDir(clusterId: string): string {
    return path.join(this.options.dataDir, "clusters", clusterId);
  }

  /** The version a running cluster's control plane runs. */
  async versionOf(clusterId: string): Promise<string | undefined> {
    return (await this.clusters.get(clusterId)?.catch(() => undefined))?.version;
  }
}
