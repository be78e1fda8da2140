import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { type Cluster, PhotonError } from "../client";
import { RESOURCE_META } from "../generated/schema";
import { endpointOf, stableKubeconfig } from "../kube";
import { checked } from "./checkResult";
import { checkType } from "./failures";
import { clusterPath, kubeconfigOf } from "./clusterObserve";
import { schemaDiff } from "./diff";
import { resourceHandlers } from "./handlers";
import { GONE_STATES } from "./lifecycle";
import { type Props, recorded } from "./props";
import type { Context, ResourceImpl } from "./resourceImpl";
import { MINUTE } from "./timeouts";

/*
 * A cluster's kubeconfig held by a resource of its own, whose only input is the cluster's id: the
 * preview of an in-place cluster update leaves it (and the Kubernetes provider built from it) unchanged,
 * where the cluster's own outputs are all unknown in that preview (decision 0513). No Photon object is
 * made: create and refresh read the kubeconfig the API serves, delete does nothing.
 */

const meta = RESOURCE_META.KubernetesClusterAccess;
const TIMEOUTS = { create: 5 * MINUTE, update: 5 * MINUTE, delete: 5 * MINUTE };

/** The cluster's access as the server serves it; `kubeconfig` is absent while the cluster has no API. */
export interface ClusterAccess {
  readonly id: string;
  readonly state: string;
  readonly kubeconfig?: string;
}

/** The cluster's access; undefined once the cluster is gone (a refresh then drops the access). */
export async function fetchAccess(ctx: Context, clusterId: string): Promise<ClusterAccess | undefined> {
  const cluster = await ctx.client.find<Cluster>(clusterPath(clusterId));
  if (!cluster || GONE_STATES.includes(cluster.state)) return undefined;
  const kubeconfig = await kubeconfigOf(ctx, clusterId);
  return { id: cluster.id, state: cluster.state, ...(kubeconfig !== undefined && { kubeconfig }) };
}

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, (inputs) => checkType("clusterId", inputs.clusterId, "string"));
}

/** Only a new cluster id is a change (a replace); the schema marks `clusterId` as replacing. */
export function diff(_id: string, olds: Props, news: Props): DiffResult {
  return schemaDiff(meta, olds, news);
}

/**
 * The kubeconfig stays byte-for-byte the one in state while the endpoint and the CA are the same (a
 * fresh client certificate alone is no change); a cluster without an API at the moment (being
 * repaired, upgraded from scratch) keeps the kubeconfig it had rather than losing it.
 */
export function outputs(access: ClusterAccess, props: Props): Props {
  const kubeconfig =
    access.kubeconfig === undefined
      ? props.kubeconfig
      : stableKubeconfig(props.kubeconfig, access.kubeconfig);
  const endpoint = typeof kubeconfig === "string" ? endpointOf(kubeconfig)?.server : undefined;
  return {
    ...recorded(meta, props),
    clusterId: access.id,
    ...(typeof kubeconfig === "string" && { kubeconfig }),
    ...(endpoint && { apiEndpoint: endpoint }),
  };
}

const handlers = resourceHandlers<ClusterAccess>({
  meta,
  kind: "cluster access",
  timeouts: TIMEOUTS,
  path: clusterPath,
  fetch: fetchAccess,
  outputs,
  // Never reached: `create` below reads instead of POSTing; the factory's create makes an object.
  post: () => {
    throw new Error("KubernetesClusterAccess makes no object on the server");
  },
  // Nothing to change in place: the only input replaces.
  converge: async () => undefined,
  carried: ["kubeconfig"],
});

/** Reads the access of an existing cluster; a cluster without a Kubernetes API is a clear error. */
async function create(ctx: Context, props: Props): Promise<{ id: string; outs: Props }> {
  const clusterId = String(props.clusterId);
  const access = await fetchAccess(ctx, clusterId);
  if (!access)
    throw new PhotonError({
      code: "NotFound",
      message: `KubernetesClusterAccess: clusterId: cluster ${clusterId} does not exist`,
    });
  if (access.kubeconfig === undefined)
    throw new PhotonError({
      code: "StateError",
      message: `KubernetesClusterAccess: clusterId: cluster ${clusterId} has no Kubernetes API (state ${access.state})`,
    });
  return { id: clusterId, outs: outputs(access, props) };
}

/** Nothing on the server belongs to the access: deleting it leaves the cluster and its kubeconfig. */
async function remove(): Promise<void> {}

export const kubernetesClusterAccess: ResourceImpl = {
  check,
  diff,
  ...handlers,
  create,
  delete: remove,
};
