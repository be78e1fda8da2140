import type { ClusterRuntime, NodeSpec, NodeState, RestoredCluster } from "./runtime";

/**
 * Clusters made of VMs only: there is no Kubernetes API behind them (kubeconfig is undefined). A node is
 * Ready while its host is healthy, so node replacement by the maintenance can be exercised without
 * Kubernetes. Nodes can be cordoned through `cordon` to exercise the shrink order.
 */
export class VmOnlyRuntime implements ClusterRuntime {
  private readonly clusters = new Map<string, Map<string, NodeSpec>>();
  private readonly unhealthyHosts = new Set<string>();
  private readonly cordoned = new Set<string>();

  async provision(clusterId: string, _version: string, nodes: NodeSpec[]): Promise<void> {
    this.clusters.set(clusterId, new Map(nodes.map((n) => [n.name, n])));
  }

  async addNodes(clusterId: string, nodes: NodeSpec[]): Promise<void> {
    const cluster = this.cluster(clusterId);
    for (const n of nodes) cluster.set(n.name, n);
  }

  async removeNodes(clusterId: string, nodeNames: string[]): Promise<void> {
    const cluster = this.cluster(clusterId);
    for (const name of nodeNames) {
      cluster.delete(name);
      this.cordoned.delete(name);
    }
  }

  async nodeStates(clusterId: string): Promise<Map<string, NodeState>> {
    const states = new Map<string, NodeState>();
    for (const n of this.cluster(clusterId).values()) {
      states.set(n.name, {
        ready: !this.unhealthyHosts.has(n.hostId),
        unschedulable: this.cordoned.has(n.name),
      });
    }
    return states;
  }

  /** Nothing runs on these nodes: a drain only has to leave the node schedulable. */
  async drainNode(): Promise<void> {}

  async upgradeNode(clusterId: string, oldNode: string, replacement: NodeSpec): Promise<void> {
    const cluster = this.cluster(clusterId);
    cluster.delete(oldNode);
    cluster.set(replacement.name, replacement);
  }

  async kubeconfig(): Promise<string | undefined> {
    return undefined;
  }

  async destroy(clusterId: string): Promise<void> {
    this.clusters.delete(clusterId);
  }

  async restore(clusters: RestoredCluster[]): Promise<void> {
    for (const c of clusters) this.clusters.set(c.clusterId, new Map(c.nodes.map((n) => [n.name, n])));
  }

  async setHostHealth(hostId: string, healthy: boolean): Promise<void> {
    if (healthy) this.unhealthyHosts.delete(hostId);
    else this.unhealthyHosts.add(hostId);
  }

  /** Test hook: mark a node unschedulable, as `kubectl cordon` would. */
  cordon(nodeName: string): void {
    this.cordoned.add(nodeName);
  }

  /** Test hook: make a node disappear from the "API", as a lost VM would. */
  loseNode(clusterId: string, nodeName: string): void {
    this.cluster(clusterId).delete(nodeName);
  }

  async close(): Promise<void> {
    this.clusters.clear();
  }

  private cluster(clusterId: string): Map<string, NodeSpec> {
    let cluster = this.clusters.get(clusterId);
    if (!cluster) {
      cluster = new Map();
      this.clusters.set(clusterId, cluster);
    }
    return cluster;
  }
}
