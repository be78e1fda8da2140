import { RESOURCE_META, type ResourceType } from "./generated/schema";
import { host } from "./resources/host";
import { network } from "./resources/network";
import { project } from "./resources/project";
import { storagePool } from "./resources/storagePool";
import { tenant } from "./resources/tenant";
import { kubernetesCluster } from "./resources/kubernetesCluster";
import { kubernetesClusterAccess } from "./resources/kubernetesClusterAccess";
import type { ResourceImpl } from "./resources/resourceImpl";

/**
 * Every resource of schema.json mapped to its implementation. The key set is the schema's: a resource
 * added to the schema without an implementation (or the reverse) fails to compile.
 */
export const REGISTRY: Readonly<Record<ResourceType, ResourceImpl>> = {
  Tenant: tenant,
  Project: project,
  Host: host,
  Network: network,
  StoragePool: storagePool,
  KubernetesCluster: kubernetesCluster,
  KubernetesClusterAccess: kubernetesClusterAccess,
};

export function isResourceType(type: string): type is ResourceType {
  return Object.prototype.hasOwnProperty.call(RESOURCE_META, type);
}
