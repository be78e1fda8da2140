/** Stored shapes of every entity. What the API shows is derived from these by each resource's view. */

import type { Cost, QuotaItems } from "../rules/quota-usage";

/** Quota shapes are the rules' (rules/quota*.ts), as the rules compute with them. */
export type { QuotaUnit } from "../rules/quota";
export type { Cost, QuotaItem, QuotaItems } from "../rules/quota-usage";

export interface Tenant {
  id: string;
  name: string;
  securityGroups: string[];
  quota: QuotaItems;
  tags: string[];
  createdTime: number;
}

export interface Project {
  id: string;
  name: string;
  tenantId: string;
  securityGroups: string[];
  quota: QuotaItems;
  defaultRouterPrivateIpCidr: string;
  tags: string[];
  createdTime: number;
}

export type HostState =
  "CREATING" | "NOT_PROVISIONED" | "READY" | "MAINTENANCE" | "SUSPENDED" | "ERROR" | "DELETED";
export interface Capacity {
  cpuCount: number;
  memoryMb: number;
  datastoreGb: number;
}
export interface Host {
  id: string;
  address: string;
  username: string;
  /** SecretBox-sealed with the host id as context; never the clear password (docs/decisions/0104). */
  sealedPassword: string;
  usageTags: string[];
  availabilityZone?: string;
  metadata: Record<string, string>;
  esxVersion: string;
  state: HostState;
  capacity: Capacity;
  datastoreId: string;
  tags: string[];
  createdTime: number;
}

export interface Zone {
  id: string;
  name: string;
  state: "READY";
  tags: string[];
  createdTime: number;
}

export type NetworkState = "CREATING" | "READY" | "PENDING_DELETE" | "ERROR" | "DELETED";
export interface SecurityRule {
  name: string;
  direction: "INGRESS" | "EGRESS";
  action: "ALLOW" | "DENY";
  protocol: "TCP" | "UDP" | "ICMP" | "ANY";
  cidrs: string[];
  ports: string[];
}
export interface SecurityPolicy {
  defaultAction: "ALLOW" | "DENY";
  rules: SecurityRule[];
}
export interface Network {
  id: string;
  name: string;
  description: string;
  projectId: string;
  tenantId: string;
  privateIpCidr: string;
  securityPolicy?: SecurityPolicy;
  state: NetworkState;
  tags: string[];
  createdTime: number;
}
export interface Subnet {
  id: string;
  name: string;
  description: string;
  type: "NAT" | "NO_NAT" | "PROVIDER" | "PORT_GROUP";
  privateIpCidr: string;
  dnsServerAddresses: string[];
  reservedIps: Record<string, string>;
  networkId: string;
  projectId: string;
  tenantId: string;
  state: NetworkState;
  tags: string[];
  createdTime: number;
}

export interface Datastore {
  id: string;
  name: string;
  type: "LOCAL_VMFS" | "SHARED_VMFS" | "NFS" | "VSAN";
  tags: string[];
  hostIds: string[];
  storagePoolId?: string;
  createdTime: number;
}

export interface StoragePool {
  id: string;
  name: string;
  hostIds: string[];
  capacityGb: number;
  failuresToTolerate: number;
  tags: string[];
  datastoreId: string;
  state: "CREATING" | "READY" | "ERROR" | "PENDING_DELETE";
  createdTime: number;
}

export type DiskState = "CREATING" | "DETACHED" | "ATTACHED" | "ERROR" | "DELETED";
export interface Disk {
  id: string;
  name: string;
  flavor: string;
  capacityGb: number;
  projectId: string;
  tenantId: string;
  datastoreId: string;
  affinities: { kind: string; id: string }[];
  state: DiskState;
  tags: string[];
  cost: Cost[];
  createdTime: number;
}

export interface Flavor {
  id: string;
  name: string;
  kind: "vm" | "ephemeral-disk" | "persistent-disk";
  cost: Cost[];
  state: "READY";
  tags: string[];
  createdTime: number;
}

export interface Image {
  id: string;
  name: string;
  state: "READY";
  size: number;
  kubernetesVersion: string;
  tags: string[];
  createdTime: number;
}

export const CLUSTER_STATES = [
  "CREATING",
  "RESIZING",
  "READY",
  "PENDING_DELETE",
  "RECOVERABLE_ERROR",
  "MAINTENANCE",
  "FATAL_ERROR",
  "UPGRADING",
] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];
export interface UpgradeStatus {
  newImageId: string;
  upgradeMessage: string;
  totalNodes: number;
  numNodesUpgraded: number;
  upgradeResultMessage: string;
}
export interface Cluster {
  id: string;
  name: string;
  type: "KUBERNETES";
  state: ClusterState;
  projectId: string;
  tenantId: string;
  workerCount: number;
  workerBatchExpansionSize: number;
  imageId: string;
  masterVmFlavorName: string;
  otherVmFlavorName: string;
  diskFlavorName: string;
  subnetId?: string;
  networkId?: string;
  storagePoolId?: string;
  errorReason: string;
  extendedProperties: Record<string, string>;
  clientId: string;
  upgradeStatus?: UpgradeStatus;
  tags: string[];
  createdTime: number;
}

export type VmRole = "KubernetesMaster" | "KubernetesEtcd" | "KubernetesWorker";
export interface Vm {
  id: string;
  name: string;
  flavor: string;
  clusterId: string;
  projectId: string;
  tenantId: string;
  hostId: string;
  datastoreId: string;
  role: VmRole;
  cpuCount: number;
  memoryMb: number;
  diskGb: number;
  cost: Cost[];
  kubernetesVersion: string;
  /** Set while this VM is being made to take over another one (upgrade, evacuation). */
  replacesVmId?: string;
  state: "CREATING" | "STARTED" | "ERROR";
  tags: string[];
  createdTime: number;
}

export interface User {
  id: string;
  username: string;
  passwordHash: string;
  groups: string[];
  /**
   * Random, renewed whenever the password or groups change; every token carries it, so deleting a user
   * (or re-creating one of the same name) or changing its rights revokes the tokens issued before.
   */
  tokenGeneration: string;
  createdTime: number;
}

export interface SystemState {
  id: "system";
  state: "READY" | "PAUSED";
  serviceConfigs: Record<string, string>;
  createdTime: number;
}

export interface EntityTypes {
  tenant: Tenant;
  project: Project;
  host: Host;
  zone: Zone;
  network: Network;
  subnet: Subnet;
  datastore: Datastore;
  "storage-pool": StoragePool;
  disk: Disk;
  flavor: Flavor;
  image: Image;
  service: Cluster;
  vm: Vm;
  user: User;
  system: SystemState;
}
export type EntityKind = keyof EntityTypes;
