import type { Cluster, Vm } from "../model";
import type { Platform } from "../platform";

export function clusterView(c: Cluster) {
  return {
    id: c.id,
    kind: "service",
    name: c.name,
    type: c.type,
    state: c.state,
    projectId: c.projectId,
    workerCount: c.workerCount,
    workerBatchExpansionSize: c.workerBatchExpansionSize,
    imageId: c.imageId,
    masterVmFlavorName: c.masterVmFlavorName,
    otherVmFlavorName: c.otherVmFlavorName,
    diskFlavorName: c.diskFlavorName,
    subnetId: c.subnetId ?? null,
    networkId: c.networkId ?? null,
    storagePoolId: c.storagePoolId ?? null,
    errorReason: c.errorReason,
    extendedProperties: c.extendedProperties,
    clientId: c.clientId,
    upgradeStatus: c.upgradeStatus ?? null,
    tags: c.tags,
  };
}

export function vmView(p: Platform, vm: Vm) {
  const host = p.store.get("host", vm.hostId);
  return {
    id: vm.id,
    kind: "vm",
    name: vm.name,
    flavor: vm.flavor,
    state: vm.state,
    projectId: vm.projectId,
    clusterId: vm.clusterId,
    host: host?.address ?? null,
    hostId: vm.hostId,
    datastore: vm.datastoreId,
    role: vm.role,
    kubernetesVersion: vm.kubernetesVersion,
    tags: vm.tags,
  };
}
