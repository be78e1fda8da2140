import { ApiError, invalidEntity, nameTaken } from "../http/errors";
import { newId } from "../http/replies";
import type { Cluster, Project } from "../model";
import type { Platform } from "../platform";
import { extendedAddressProblem } from "../validation/addresses";
import { parseCidr } from "../../rules/cidr";
import {
  CLUSTER_DEFAULTS,
  drainTimeoutSecondsProblem,
  etcdCountProblem,
  masterCountProblem,
  surgeProblem,
  unavailableWithSurgeProblem,
  WORKER_COUNT,
} from "../../rules/cluster";
import type { Problem } from "../../rules/wording";

export interface ClusterBody {
  name: string;
  type: "KUBERNETES";
  masterVmFlavor?: string;
  workerVmFlavor?: string;
  diskFlavor?: string;
  subnetId?: string;
  networkId?: string;
  storagePoolId?: string;
  imageId?: string;
  workerCount: number;
  workerBatchExpansionSize?: number;
  extendedProperties?: Record<string, string>;
  tags?: string[];
}

/** The worker count of a create and a resize, bounded by the cluster rule (worded by it on failure). */
export const workerCountSchema = {
  type: "integer",
  minimum: WORKER_COUNT.minimum,
  maximum: WORKER_COUNT.maximum,
} as const;

/** A number written in extendedProperties, shown as the number it is, so the sentence is check's. */
function shownNumber(raw: string): number | string {
  return /^-?\d+$/.test(raw) && String(Number(raw)) === raw ? Number(raw) : raw;
}

/** A whole number in extendedProperties (digits only); NaN, which every rule refuses, otherwise. */
function wholeNumber(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

type ExtendedRule = readonly [key: string, problem: (n: number) => string | undefined];

/** The cluster rules (rules/cluster.ts) of the numbers the create takes in extendedProperties. */
const EXTENDED_RULES: readonly ExtendedRule[] = [
  ["number_of_masters", masterCountProblem],
  ["number_of_etcds", etcdCountProblem],
  ["max_surge", surgeProblem],
  ["max_unavailable", surgeProblem],
  ["drain_timeout_seconds", drainTimeoutSecondsProblem],
];

function numberProblem(ext: Record<string, string>): Problem | undefined {
  for (const [key, rule] of EXTENDED_RULES) {
    const raw = ext[key];
    const problem = raw === undefined ? undefined : rule(wholeNumber(raw));
    if (problem && raw !== undefined)
      return { property: `extendedProperties.${key}`, problem, value: shownNumber(raw) };
  }
  const surge = Number(ext["max_surge"] ?? CLUSTER_DEFAULTS.maxSurge);
  const unavailable = Number(ext["max_unavailable"] ?? CLUSTER_DEFAULTS.maxUnavailable);
  const pair = unavailableWithSurgeProblem(surge, unavailable);
  return pair
    ? { property: "extendedProperties.max_unavailable", problem: pair, value: unavailable }
    : undefined;
}

/**
 * Problems of extendedProperties: masters 1/3/5, etcds, surge and unavailability, drain timeout (the
 * cluster rules), container_network and the addresses.
 */
export function extendedPropertiesProblem(ext: Record<string, string>): Problem | undefined {
  const net = ext["container_network"];
  const netProblem = net === undefined ? undefined : parseCidr(net);
  return (
    numberProblem(ext) ??
    (netProblem && !netProblem.ok
      ? { property: "extendedProperties.container_network", problem: netProblem.problem, value: net ?? "" }
      : undefined) ??
    extendedAddressProblem(ext)
  );
}

function checkFlavor(p: Platform, property: string, name: string, kind: "vm" | "ephemeral-disk"): void {
  if (!p.store.list("flavor").some((f) => f.name === name && f.kind === kind)) {
    throw invalidEntity(property, `must name a ${kind} flavor`, name);
  }
}

function checkPlacementRefs(p: Platform, project: Project, b: ClusterBody): void {
  const network = b.networkId ? p.store.get("network", b.networkId) : undefined;
  if (b.networkId && network?.projectId !== project.id)
    throw invalidEntity("networkId", "must be a network of the project", b.networkId);
  const subnet = b.subnetId ? p.store.get("subnet", b.subnetId) : undefined;
  if (b.subnetId && (subnet?.projectId !== project.id || (network && subnet.networkId !== network.id))) {
    throw invalidEntity(
      "subnetId",
      "must be a subnet of the project (and of networkId when given)",
      b.subnetId,
    );
  }
  const pool = b.storagePoolId ? p.store.get("storage-pool", b.storagePoolId) : undefined;
  if (b.storagePoolId && pool?.state !== "READY")
    throw invalidEntity("storagePoolId", "must be a READY storage pool", b.storagePoolId);
}

interface ResolvedRequest {
  imageId: string;
  flavors: { master: string; other: string; disk: string };
  extendedProperties: Record<string, string>;
}

/** Checks a create request in order (name, service configuration, image, flavors, refs, properties). */
function resolveRequest(p: Platform, project: Project, b: ClusterBody): ResolvedRequest {
  if (p.store.list("service", project.id).some((c) => c.name === b.name)) throw nameTaken("service", b.name);
  const configured = p.store.get("system", "system")?.serviceConfigs[b.type];
  if (!configured) throw new ApiError(400, "SpecInvalid", `no service configuration exists for ${b.type}`);
  const imageId = b.imageId ?? configured;
  if (!p.store.get("image", imageId)) throw invalidEntity("imageId", "must be the id of an image", imageId);
  const flavors = {
    master: b.masterVmFlavor ?? "cluster-master-vm",
    other: b.workerVmFlavor ?? "cluster-other-vm",
    disk: b.diskFlavor ?? "cluster-vm-disk",
  };
  checkFlavor(p, "masterVmFlavor", flavors.master, "vm");
  checkFlavor(p, "workerVmFlavor", flavors.other, "vm");
  checkFlavor(p, "diskFlavor", flavors.disk, "ephemeral-disk");
  checkPlacementRefs(p, project, b);
  const extendedProperties = { number_of_masters: "1", ...(b.extendedProperties ?? {}) };
  const problem = extendedPropertiesProblem(extendedProperties);
  if (problem) throw invalidEntity(problem.property, problem.problem, problem.value);
  return { imageId, flavors, extendedProperties };
}

/** Checks a create request and builds the CREATING cluster. */
export function newCluster(p: Platform, project: Project, b: ClusterBody): Cluster {
  const { imageId, flavors, extendedProperties } = resolveRequest(p, project, b);
  return {
    id: newId(),
    name: b.name,
    type: "KUBERNETES",
    state: "CREATING",
    projectId: project.id,
    tenantId: project.tenantId,
    workerCount: b.workerCount,
    workerBatchExpansionSize: b.workerBatchExpansionSize ?? 20,
    imageId,
    masterVmFlavorName: flavors.master,
    otherVmFlavorName: flavors.other,
    diskFlavorName: flavors.disk,
    ...(b.subnetId && { subnetId: b.subnetId }),
    ...(b.networkId && { networkId: b.networkId }),
    ...(b.storagePoolId && { storagePoolId: b.storagePoolId }),
    errorReason: "",
    extendedProperties,
    clientId: newId(),
    tags: b.tags ?? [],
    createdTime: Date.now(),
  };
}
