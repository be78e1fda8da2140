import { type Cluster, type ClusterVm, isPhotonError } from "../client";
import { kubeApis, type NodeHealth, nodeHealth } from "../kube";
import type { Context } from "./resourceImpl";

/* What the provider sees of a cluster: the Photon object, its VMs, and through its kubeconfig its nodes. */

export const CLUSTERS = "/v1/services";
export const clusterPath = (id: string): string => `${CLUSTERS}/${encodeURIComponent(id)}`;

/** States in which the cluster has a Kubernetes API (the controller serves its kubeconfig). */
const WITH_API = ["READY", "RESIZING", "MAINTENANCE", "UPGRADING", "RECOVERABLE_ERROR"];

/** The cluster as one entity: the Photon object plus its VMs, kubeconfig and node health when known. */
export interface ObservedCluster extends Cluster {
  readonly vms: ClusterVm[];
  readonly kubeconfig?: string;
  readonly health?: NodeHealth;
}

/**
 * The kubeconfig the Photon API serves; undefined while the cluster has no Kubernetes API (a
 * `StateError`: still being made, or a controller that runs clusters as VMs only).
 */
export async function kubeconfigOf(ctx: Context, id: string): Promise<string | undefined> {
  try {
    const answer = await ctx.client.get<{ kubeconfig: string }>(`${clusterPath(id)}/kubeconfig`);
    return answer.kubeconfig;
  } catch (e) {
    if (isPhotonError(e, "StateError")) return undefined;
    throw e;
  }
}

/** Health is an observation: an API server that does not answer leaves it unknown, not the read failed. */
async function healthOf(kubeconfig: string): Promise<NodeHealth | undefined> {
  try {
    return await nodeHealth(kubeApis(kubeconfig));
  } catch {
    return undefined;
  }
}

export async function observeCluster(ctx: Context, id: string): Promise<ObservedCluster | undefined> {
  const cluster = await ctx.client.find<Cluster>(clusterPath(id));
  if (!cluster) return undefined;
  const vms = (await ctx.client.list<ClusterVm>(`${clusterPath(id)}/vms`)).filter(
    (vm) => vm.state !== "DELETED",
  );
  if (!WITH_API.includes(cluster.state)) return { ...cluster, vms };
  const kubeconfig = await kubeconfigOf(ctx, id);
  const health = kubeconfig === undefined ? undefined : await healthOf(kubeconfig);
  return { ...cluster, vms, ...(kubeconfig !== undefined && { kubeconfig }), ...(health && { health }) };
}

/** Names of the cluster's VMs of one role, in the server's order (oldest first). */
export function vmNames(c: ObservedCluster, role: ClusterVm["role"]): string[] {
  return c.vms.filter((vm) => vm.role === role).map((vm) => vm.name);
}

/** The nodes Kubernetes should report Ready: every master and worker (etcd VMs are not nodes). */
export function expectedNodes(c: ObservedCluster): string[] {
  return [...vmNames(c, "KubernetesMaster"), ...vmNames(c, "KubernetesWorker")];
}

export function liveVersion(c: Cluster): string | undefined {
  return c.extendedProperties["cluster_version"];
}

/**
 * Where a wait reports progress. `pulumi.log` does not reach the engine from a dynamic provider (its
 * process has no engine address; it falls back to the console), but the engine shows every line the
 * provider writes to stderr while the step runs, so the line is written there, named after the resource.
 */
export function progressOf(inputs: { readonly name?: unknown }): (line: string) => void {
  const name = typeof inputs.name === "string" ? inputs.name : "cluster";
  return (line) => process.stderr.write(`KubernetesCluster ${name}: ${line}\n`);
}
