import type { CheckResult, DiffResult } from "@pulumi/pulumi/dynamic";
import { type KubernetesClusterInputs, RESOURCE_META } from "../generated/schema";
import { DEFAULT_STORAGE_CLASS_PROPERTY } from "../../rules/volumes";
import { endpointOf, stableKubeconfig } from "../kube";
import { checked } from "./checkResult";
import { compareVersions } from "../../rules/cluster";
import { clusterFailures } from "./clusterCheck";
import { settingsOutputs, settingsProperties, wantedSettings } from "./clusterSettings";
import { convergeCluster, imageIdFor, repairPending } from "./clusterConverge";
import { clusterPath, liveVersion, type ObservedCluster, observeCluster, vmNames } from "./clusterObserve";
import { liveDefaultStorageClass } from "./clusterStorageClass";
import { schemaDiff } from "./diff";
import { resourceHandlers } from "./handlers";
import { type Props, recorded, typed } from "./props";
import type { Context, ResourceImpl } from "./resourceImpl";
import { MINUTE } from "./timeouts";

const meta = RESOURCE_META.KubernetesCluster;
/** Creates and upgrades of real control planes take minutes; deletes stop processes and free VMs. */
const TIMEOUTS = { create: 30 * MINUTE, update: 60 * MINUTE, delete: 20 * MINUTE };
type In = KubernetesClusterInputs & { readonly identity?: string };

export function check(_olds: Props, news: Props): CheckResult<Props> {
  return checked(meta, news, clusterFailures);
}

/**
 * The schema's replaces, plus a version downgrade: a newer version rolls in place, but the API has no
 * way down (decision 0503 keeps replaces in the schema; this is the one conditional one). Not-ready
 * nodes found by a refresh make an update while autoRepair is on, so the next `up` repairs them.
 */
export function diff(_id: string, olds: Props, news: Props): DiffResult {
  const schema = schemaDiff(meta, olds, news);
  const base = repairPending(olds, news) ? { ...schema, changes: true } : schema;
  const older = compareVersions(news.kubernetesVersion, olds.kubernetesVersion ?? olds.version);
  if (older === undefined || older >= 0) return base;
  const replaces = [...(base.replaces ?? []), "kubernetesVersion"];
  return { ...base, changes: true, replaces, deleteBeforeReplace: true };
}

/** Inputs the server fills in when left out are reported only when the program set them (no drift). */
function echoed(props: Props, key: string, live: unknown): Props {
  return props[key] !== undefined && live !== undefined ? { [key]: live } : {};
}

function kubeOutputs(c: ObservedCluster, props: Props): Props {
  const health = c.health ? { readyNodes: c.health.ready, notReadyNodes: c.health.notReady } : {};
  if (c.kubeconfig === undefined) return health;
  const endpoint = endpointOf(c.kubeconfig)?.server;
  return {
    ...health,
    kubeconfig: stableKubeconfig(props.kubeconfig, c.kubeconfig),
    ...(endpoint && { apiEndpoint: endpoint }),
  };
}

export function outputs(c: ObservedCluster, props: Props): Props {
  const ext = c.extendedProperties;
  const masters = Number(ext["number_of_masters"] ?? "1");
  return {
    ...recorded(meta, props),
    projectId: c.projectId,
    name: c.name,
    ...(c.networkId && { networkId: c.networkId }),
    ...(c.storagePoolId && { storagePoolId: c.storagePoolId }),
    // Sent at create in extendedProperties (in place: the settings action); without a pool
    // there is no class, and the input is echoed (no diff).
    defaultStorageClass: c.storagePoolId ? liveDefaultStorageClass(ext) : (props.defaultStorageClass ?? true),
    masterCount: masters,
    ...echoed(props, "etcdCount", Number(ext["number_of_etcds"] ?? masters)),
    workerCount: c.workerCount,
    ...echoed(props, "masterVmFlavor", c.masterVmFlavorName),
    ...echoed(props, "workerVmFlavor", c.otherVmFlavorName),
    ...echoed(props, "kubernetesVersion", liveVersion(c)),
    // The provider's own setting; surge, unavailability and drain timeout are the server's (read back).
    autoRepair: props.autoRepair ?? true,
    ...settingsOutputs(ext, props),
    clusterId: c.id,
    version: liveVersion(c) ?? "",
    state: c.state,
    masterNodes: vmNames(c, "KubernetesMaster"),
    workerNodes: vmNames(c, "KubernetesWorker"),
    ...kubeOutputs(c, props),
  };
}

function extendedProperties(props: Props): Record<string, string> {
  const inputs = typed<In>(props);
  return {
    number_of_masters: String(inputs.masterCount ?? 1),
    ...(inputs.etcdCount !== undefined && { number_of_etcds: String(inputs.etcdCount) }),
    ...settingsProperties(wantedSettings(props)),
    ...(inputs.storagePoolId !== undefined && {
      [DEFAULT_STORAGE_CLASS_PROPERTY]: String(inputs.defaultStorageClass ?? true),
    }),
  };
}

async function post(props: Props, ctx: Context) {
  const inputs = typed<In>(props);
  const imageId = await imageIdFor(ctx, inputs.kubernetesVersion);
  const body = {
    name: inputs.name,
    type: "KUBERNETES",
    workerCount: inputs.workerCount,
    ...(inputs.networkId !== undefined && { networkId: inputs.networkId }),
    ...(inputs.storagePoolId !== undefined && { storagePoolId: inputs.storagePoolId }),
    ...(inputs.masterVmFlavor !== undefined && { masterVmFlavor: inputs.masterVmFlavor }),
    ...(inputs.workerVmFlavor !== undefined && { workerVmFlavor: inputs.workerVmFlavor }),
    ...(imageId !== undefined && { imageId }),
    extendedProperties: extendedProperties(props),
  };
  return { listPath: `/v1/projects/${encodeURIComponent(inputs.projectId)}/services`, body };
}

const handlers = resourceHandlers<ObservedCluster>({
  meta,
  kind: "cluster",
  timeouts: TIMEOUTS,
  path: clusterPath,
  fetch: observeCluster,
  outputs,
  post,
  converge: convergeCluster,
  // Kept from state so the kubeconfig stays byte-stable through updates too (see stableKubeconfig).
  carried: ["kubeconfig"],
});
export const { create, read, update, delete: remove } = handlers;

export const kubernetesCluster: ResourceImpl = { check, diff, ...handlers };
