import type { VolumeBackend } from "../volumes/backend";

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

/** How a node that leaves the cluster while it is still Ready is drained first. */
export interface DrainOptions {
  /** The cluster's drain timeout: how long evictions refused by PodDisruptionBudgets are retried. */
  timeoutMs: number;
  /** True once the controller stops: the drain gives up as it is (its step is re-run after a restart). */
  aborted?: () => boolean;
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
  /**
   * Cordons a Ready node and evicts its pods, PodDisruptionBudgets respected; a node that is gone or not
   * Ready is left as it is. After the timeout it uncordons the node and fails with DrainTimeout, naming
   * the budgets that refused and the pods left.
   */
  drainNode(clusterId: string, nodeName: string, drain: DrainOptions): Promise<void>;
  /**
   * Replaces oldNode by replacement running `version` (rolling upgrade, evacuation): the replacement
   * joins, then oldNode is drained as drainNode does, then deleted.
   */
  upgradeNode(
    clusterId: string,
    oldNode: string,
    replacement: NodeSpec,
    version: string,
    drain: DrainOptions,
  ): Promise<void>;
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
  /** Runtimes with a Kubernetes API run a volume provisioner per cluster with a storage pool. */
  useVolumes?(backend: VolumeBackend): void;
  close(): Promise<void>;
}
