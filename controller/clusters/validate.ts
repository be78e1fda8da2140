import { ApiError, invalidEntity, nameTaken } from "../http/errors";
import { newId } from "../http/replies";
import type { Cluster, Project } from "../model";
import type { Platform } from "../platform";
import { extendedAddressProblem } from "../validation/addresses";
import { parseCidr } from "../../rules/cidr";

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

/**
 * Problems of extendedProperties (number_of_masters 1/3/5, etcds 1..5, surge, drain timeout,
 * container_network).
 */
export function extendedPropertiesProblem(
  ext: Record<string, string>,
): { property: string; problem: string; value: unknown } | undefined {
  const check = (key: string, ok: (n: number) => boolean, problem: string) => {
    const v = ext[key];
    if (v === undefined || (/^\d+$/.test(v) && ok(Number(v)))) return undefined;
    return { property: `extendedProperties.${key}`, problem, value: v };
  };
  const surge = Number(ext["max_surge"] ?? "1");
  const unavailable = Number(ext["max_unavailable"] ?? "0");
  const net = ext["container_network"];
  const netProblem = net === undefined ? undefined : parseCidr(net);
  return (
    check("number_of_masters", (n) => [1, 3, 5].includes(n), "must be 1, 3 or 5") ??
    check("number_of_etcds", (n) => n >= 1 && n <= 5, "must be between 1 and 5") ??
    check("max_surge", (n) => n <= 100, "must be an integer from 0 to 100") ??
    check("max_unavailable", (n) => n <= 100, "must be an integer from 0 to 100") ??
    // A day at most: a drain that long is a budget that never allows a disruption, not a slow pod.
    check("drain_timeout_seconds", (n) => n <= 86400, "must be an integer from 0 to 86400") ??
    (surge === 0 && unavailable === 0
      ? {
          property: "extendedProperties.max_unavailable",
          problem: "must be at least 1 when max_surge is 0",
          value: "0",
        }
      : undefined) ??
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
