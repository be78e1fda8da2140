/**
 * The boundary between the cluster state machines and Kubernetes. The controller calls it from
 * asynchronous task steps; a step is re-run after a crash, so every method must be idempotent (adding a
 * node that exists, removing one that is gone, destroying a destroyed cluster: all succeed).
 */

export interface NodeSpec {
  /** Kubernetes node name, also the VM name. */
  name: string;
  vmId: string;
  hostId: string;
  hostAddress: string;
  zone: string;
  role: "master" | "worker";
}

export interface NodeState {
  ready: boolean;
  unschedulable: boolean;
}

export interface RestoredCluster {
  clusterId: string;
  version: string;
  nodes: NodeSpec[];
}

export interface ClusterRuntime {
  /** Returns when the API answers and all nodes are Ready. */
  provision(clusterId: string, version: string, nodes: NodeSpec[]): Promise<void>;
  addNodes(clusterId: string, nodes: NodeSpec[]): Promise<void>;
  removeNodes(clusterId: string, nodeNames: string[]): Promise<void>;
  /** Nodes the Kubernetes API reports, by name; a worker missing here is treated as lost. */
  nodeStates(clusterId: string): Promise<Map<string, NodeState>>;
  /** Replaces oldNode by replacement running `version` (rolling upgrade, evacuation). */
  upgradeNode(clusterId: string, oldNode: string, replacement: NodeSpec, version: string): Promise<void>;
  /** undefined: this runtime has no Kubernetes API. */
  kubeconfig(clusterId: string): Promise<string | undefined>;
  destroy(clusterId: string): Promise<void>;
  /** After a restart: the clusters the store holds (not deleted), with their current nodes. */
  restore(clusters: RestoredCluster[]): Promise<void>;
  /**
   * A host failed (healthy false: ERROR) or came back. Nodes on an unhealthy host must turn NotReady,
   * which is what the cluster maintenance looks for.
   */
  setHostHealth(hostId: string, healthy: boolean): Promise<void>;
  close(): Promise<void>;
}
