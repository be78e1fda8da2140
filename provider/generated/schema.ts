// Generated from schema.json by `npm run gen`. Do not edit.

/** Deadlines as durations such as `90s`, `10m` or `1h`. */
export interface Timeouts {
  /** Deadline of the create, waiting included. */
  readonly create?: string;
  /** Deadline of an update, waiting included. */
  readonly update?: string;
  /** Deadline of the delete, waiting included. */
  readonly delete?: string;
}

/** The fields of {@link Timeouts}. */
export const TIMEOUTS_FIELDS = ["create", "update", "delete"] as const;

/** Unit of a quota limit. */
export const QUOTA_UNIT_VALUES = ["GB", "MB", "KB", "B", "COUNT"] as const;
export type QuotaUnit = (typeof QUOTA_UNIT_VALUES)[number];

/** One quota limit. */
export interface QuotaItem {
  /** The limit, at least 0. */
  readonly limit: number;
  /** `COUNT` for counts (`vm`, `vm.cpu`, `vm.cost`), a size unit for memory and capacities. */
  readonly unit: QuotaUnit;
}

/** The fields of {@link QuotaItem}. */
export const QUOTA_ITEM_FIELDS = ["limit", "unit"] as const;

/** What a host is used for. */
export const HOST_USAGE_TAG_VALUES = ["MGMT", "CLOUD", "IMAGE"] as const;
export type HostUsageTag = (typeof HOST_USAGE_TAG_VALUES)[number];

/** Resources of a host. */
export interface HostCapacity {
  /** CPU cores. */
  readonly cpuCount: number;
  /** Memory in MB. */
  readonly memoryMb: number;
  /** Local datastore capacity in GB. */
  readonly datastoreGb: number;
}

/** The fields of {@link HostCapacity}. */
export const HOST_CAPACITY_FIELDS = ["cpuCount", "memoryMb", "datastoreGb"] as const;

/** What a rule or the default does with matching traffic. */
export const POLICY_ACTION_VALUES = ["ALLOW", "DENY"] as const;
export type PolicyAction = (typeof POLICY_ACTION_VALUES)[number];

/** Direction of the traffic a rule matches. */
export const TRAFFIC_DIRECTION_VALUES = ["INGRESS", "EGRESS"] as const;
export type TrafficDirection = (typeof TRAFFIC_DIRECTION_VALUES)[number];

/** Protocol a rule matches. */
export const PROTOCOL_VALUES = ["TCP", "UDP", "ICMP", "ANY"] as const;
export type Protocol = (typeof PROTOCOL_VALUES)[number];

/** One rule of a network security policy; rules are evaluated in order. */
export interface SecurityRule {
  /** Name of the rule, unique within the policy (same rules as entity names). */
  readonly name: string;
  /** `INGRESS` or `EGRESS`. */
  readonly direction: TrafficDirection;
  /** `ALLOW` or `DENY`. */
  readonly action: PolicyAction;
  /** `TCP`, `UDP`, `ICMP` or `ANY`. */
  readonly protocol: Protocol;
  /** Peer address ranges in CIDR notation (at least one). */
  readonly cidrs: string[];
  /** Ports (`80`) or port ranges (`8000-8100`), only for `TCP` and `UDP`; empty means every port. */
  readonly ports?: string[];
}

/** The fields of {@link SecurityRule}. */
export const SECURITY_RULE_FIELDS = ["name", "direction", "action", "protocol", "cidrs", "ports"] as const;

/** The security policy of a network: a default action and ordered rules. */
export interface SecurityPolicy {
  /** What happens to traffic no rule matches. */
  readonly defaultAction: PolicyAction;
  /** Ordered rules. */
  readonly rules?: SecurityRule[];
}

/** The fields of {@link SecurityPolicy}. */
export const SECURITY_POLICY_FIELDS = ["defaultAction", "rules"] as const;

/** Inputs of Tenant. A tenant: the unit of isolation and quota. Its members are the users of its security groups. */
export interface TenantInputs {
  /** Name of the tenant: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  readonly name?: string;
  /** Groups (`domain\\group`) whose members may use this tenant. */
  readonly securityGroups?: string[];
  /** Quota limits by key (`vm`, `vm.cpu`, `vm.memory`, `vm.cost`, `ephemeral-disk.capacity`, `persistent-disk.capacity`, `storage.<TAG>`, `sdn.floatingip.size`). */
  readonly quota?: Record<string, QuotaItem>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing tenant to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a tenant cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
}

/** State (outputs) of Tenant. */
export interface TenantOutputs {
  /** Name of the tenant: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  readonly name: string;
  /** Groups (`domain\\group`) whose members may use this tenant. */
  readonly securityGroups: string[];
  /** Quota limits by key (`vm`, `vm.cpu`, `vm.memory`, `vm.cost`, `ephemeral-disk.capacity`, `persistent-disk.capacity`, `storage.<TAG>`, `sdn.floatingip.size`). */
  readonly quota: Record<string, QuotaItem>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing tenant to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a tenant cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
  /** Current usage by quota key. */
  readonly quotaUsage: Record<string, number>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  readonly identity: string;
}

/** Inputs of Project. A project of a tenant: holds networks, disks and clusters within its own quota. */
export interface ProjectInputs {
  /** Id of the tenant that owns the project. */
  readonly tenantId: string;
  /** Name of the project: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the tenant. Defaults to the resource name. */
  readonly name?: string;
  /** Groups (`domain\\group`) whose members may use this project, in addition to the tenant's. */
  readonly securityGroups?: string[];
  /** Quota limits by key, as for tenants. */
  readonly quota?: Record<string, QuotaItem>;
  /** Address range (CIDR) the project's networks are carved from. */
  readonly defaultRouterPrivateIpCidr?: string;
  /** Delete the networks and disks the project still holds when it is deleted. Without it, deleting a project that is not empty fails. */
  readonly forceDestroy?: boolean;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing project of the tenant `tenantId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a project cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
}

/** State (outputs) of Project. */
export interface ProjectOutputs {
  /** Id of the tenant that owns the project. */
  readonly tenantId: string;
  /** Name of the project: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the tenant. Defaults to the resource name. */
  readonly name: string;
  /** Groups (`domain\\group`) whose members may use this project, in addition to the tenant's. */
  readonly securityGroups: string[];
  /** Quota limits by key, as for tenants. */
  readonly quota: Record<string, QuotaItem>;
  /** Address range (CIDR) the project's networks are carved from. */
  readonly defaultRouterPrivateIpCidr: string;
  /** Delete the networks and disks the project still holds when it is deleted. Without it, deleting a project that is not empty fails. */
  readonly forceDestroy: boolean;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing project of the tenant `tenantId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a project cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
  /** Current usage by quota key. */
  readonly quotaUsage: Record<string, number>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  readonly identity: string;
}

/** Inputs of Host. An ESXi host under Photon's management. It enters maintenance mode (with its cluster VMs evacuated) before it is removed. */
export interface HostInputs {
  /** IP address or host name of the host, unique on the server. */
  readonly address: string;
  /** Login of the host's management agent. */
  readonly username: string;
  /** Password of that login. Write-only on the server; kept as a secret. */
  readonly password: string;
  /** What the host is used for. */
  readonly usageTags?: HostUsageTag[];
  /** Id of the availability zone of the host. */
  readonly availabilityZone?: string;
  /** Host metadata; `cpuCount`, `memoryMb` and `datastoreGb` set its capacity. */
  readonly metadata?: Record<string, string>;
  /** Keep the host in maintenance mode (its cluster VMs are evacuated to other hosts first). */
  readonly maintenance?: boolean;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Address of an existing host to manage instead of adding one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). Must equal `address` (a host's address is its unique name). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
}

/** State (outputs) of Host. */
export interface HostOutputs {
  /** IP address or host name of the host, unique on the server. */
  readonly address: string;
  /** Login of the host's management agent. */
  readonly username: string;
  /** Password of that login. Write-only on the server; kept as a secret. */
  readonly password: string;
  /** What the host is used for. */
  readonly usageTags: HostUsageTag[];
  /** Id of the availability zone of the host. */
  readonly availabilityZone?: string;
  /** Host metadata; `cpuCount`, `memoryMb` and `datastoreGb` set its capacity. */
  readonly metadata: Record<string, string>;
  /** Keep the host in maintenance mode (its cluster VMs are evacuated to other hosts first). */
  readonly maintenance: boolean;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Address of an existing host to manage instead of adding one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). Must equal `address` (a host's address is its unique name). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
  /** State of the host on the server. */
  readonly state: string;
  /** ESXi version the host reports. */
  readonly esxVersion?: string;
  /** Resources of the host. */
  readonly capacity?: HostCapacity;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  readonly identity: string;
}

/** Inputs of Network. A virtual network (NSX) of a project with its own security policy. */
export interface NetworkInputs {
  /** Id of the project that owns the network. */
  readonly projectId: string;
  /** Name of the network: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  readonly name?: string;
  /** Free text. */
  readonly description?: string;
  /** Private address range of the network, inside the project's range and not overlapping its other networks. */
  readonly cidr: string;
  /** Default action and ordered rules for the network's traffic. */
  readonly securityPolicy?: SecurityPolicy;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing network of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it; a different `name` renames the adopted network in place. Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
}

/** State (outputs) of Network. */
export interface NetworkOutputs {
  /** Id of the project that owns the network. */
  readonly projectId: string;
  /** Name of the network: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  readonly name: string;
  /** Free text. */
  readonly description: string;
  /** Private address range of the network, inside the project's range and not overlapping its other networks. */
  readonly cidr: string;
  /** Default action and ordered rules for the network's traffic. */
  readonly securityPolicy?: SecurityPolicy;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing network of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it; a different `name` renames the adopted network in place. Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
  /** State of the network on the server. */
  readonly state: string;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  readonly identity: string;
}

/** Inputs of StoragePool. An elastic vSAN storage pool over member hosts; shows up as a `VSAN` datastore. */
export interface StoragePoolInputs {
  /** Name of the storage pool: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  readonly name?: string;
  /** Ids of the member hosts; at least `2 * failuresToTolerate + 1`. */
  readonly hostIds: string[];
  /** Capacity in GB; grows and shrinks in place, never below what is used. */
  readonly capacityGb: number;
  /** Host failures the pool survives (0 to 3). */
  readonly failuresToTolerate?: number;
  /** Delete the detached disks the pool still holds when it is deleted. Without it, deleting a pool in use fails. */
  readonly forceDestroy?: boolean;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing storage pool to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a pool cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
}

/** State (outputs) of StoragePool. */
export interface StoragePoolOutputs {
  /** Name of the storage pool: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  readonly name: string;
  /** Ids of the member hosts; at least `2 * failuresToTolerate + 1`. */
  readonly hostIds: string[];
  /** Capacity in GB; grows and shrinks in place, never below what is used. */
  readonly capacityGb: number;
  /** Host failures the pool survives (0 to 3). */
  readonly failuresToTolerate: number;
  /** Delete the detached disks the pool still holds when it is deleted. Without it, deleting a pool in use fails. */
  readonly forceDestroy: boolean;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing storage pool to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a pool cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
  /** Capacity in use, in GB. */
  readonly usedGb: number;
  /** Id of the pool's `VSAN` datastore. */
  readonly datastoreId: string;
  /** Name of the StorageClass every cluster made with this pool gets (`vsan-` and the pool name in lower case): its PersistentVolumeClaims are carved from the pool as Photon persistent disks. */
  readonly storageClassName: string;
  /** State of the pool on the server. */
  readonly state: string;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  readonly identity: string;
}

/** Inputs of KubernetesCluster. A Kubernetes cluster (Kubernetes as a service): masters, etcd and workers on the platform's hosts, every node Ready before the create ends. */
export interface KubernetesClusterInputs {
  /** Id of the project that owns the cluster. */
  readonly projectId: string;
  /** Name of the cluster: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  readonly name?: string;
  /** Id of the project's network the cluster's VMs are attached to. */
  readonly networkId?: string;
  /** Id of the READY storage pool that holds the cluster's VM disks; the API cannot move a cluster to another pool. */
  readonly storagePoolId?: string;
  /** Whether the StorageClass of the cluster's storage pool is the cluster's default class (`storageclass.kubernetes.io/is-default-class`), so claims that name no class get volumes from the pool. Only with `storagePoolId`; changes in place. */
  readonly defaultStorageClass?: boolean;
  /** Number of Kubernetes masters: 1, 3 or 5. */
  readonly masterCount?: number;
  /** Number of etcd VMs (1 to 5); the server uses the master count when left out. */
  readonly etcdCount?: number;
  /** Number of worker nodes (0 to 1000). Grows and shrinks in place; shrinking cordons and drains the removed nodes first (PodDisruptionBudgets are respected). */
  readonly workerCount: number;
  /** VM flavor of the masters; the server's `cluster-master-vm` when left out. */
  readonly masterVmFlavor?: string;
  /** VM flavor of the workers and etcd VMs; the server's `cluster-other-vm` when left out. */
  readonly workerVmFlavor?: string;
  /** Kubernetes version, such as `1.36.3`; the server's default image when left out. A newer version is a rolling upgrade in place; an older one replaces the cluster. */
  readonly kubernetesVersion?: string;
  /** Repair unhealthy nodes: an update that finds not-ready nodes triggers the platform's maintenance and waits for it. Off: they are only reported. */
  readonly autoRepair?: boolean;
  /** Nodes an upgrade may add above the cluster's size (0 to 100), as Cluster API. */
  readonly maxSurge?: number;
  /** Nodes an upgrade may take away at once (0 to 100); at least 1 when maxSurge is 0. */
  readonly maxUnavailable?: number;
  /** How long a drain may wait for evictions a PodDisruptionBudget refuses, such as `10m`. */
  readonly drainTimeout?: string;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing cluster of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a cluster cannot be renamed). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
}

/** State (outputs) of KubernetesCluster. */
export interface KubernetesClusterOutputs {
  /** Id of the project that owns the cluster. */
  readonly projectId: string;
  /** Name of the cluster: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  readonly name: string;
  /** Id of the project's network the cluster's VMs are attached to. */
  readonly networkId?: string;
  /** Id of the READY storage pool that holds the cluster's VM disks; the API cannot move a cluster to another pool. */
  readonly storagePoolId?: string;
  /** Whether the StorageClass of the cluster's storage pool is the cluster's default class (`storageclass.kubernetes.io/is-default-class`), so claims that name no class get volumes from the pool. Only with `storagePoolId`; changes in place. */
  readonly defaultStorageClass?: boolean;
  /** Number of Kubernetes masters: 1, 3 or 5. */
  readonly masterCount: number;
  /** Number of etcd VMs (1 to 5); the server uses the master count when left out. */
  readonly etcdCount?: number;
  /** Number of worker nodes (0 to 1000). Grows and shrinks in place; shrinking cordons and drains the removed nodes first (PodDisruptionBudgets are respected). */
  readonly workerCount: number;
  /** VM flavor of the masters; the server's `cluster-master-vm` when left out. */
  readonly masterVmFlavor?: string;
  /** VM flavor of the workers and etcd VMs; the server's `cluster-other-vm` when left out. */
  readonly workerVmFlavor?: string;
  /** Kubernetes version, such as `1.36.3`; the server's default image when left out. A newer version is a rolling upgrade in place; an older one replaces the cluster. */
  readonly kubernetesVersion?: string;
  /** Repair unhealthy nodes: an update that finds not-ready nodes triggers the platform's maintenance and waits for it. Off: they are only reported. */
  readonly autoRepair: boolean;
  /** Nodes an upgrade may add above the cluster's size (0 to 100), as Cluster API. */
  readonly maxSurge: number;
  /** Nodes an upgrade may take away at once (0 to 100); at least 1 when maxSurge is 0. */
  readonly maxUnavailable: number;
  /** How long a drain may wait for evictions a PodDisruptionBudget refuses, such as `10m`. */
  readonly drainTimeout: string;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: string;
  /** Name of an existing cluster of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a cluster cannot be renamed). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: string;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: Timeouts;
  /** Id of the cluster on the server (its stable identity). */
  readonly clusterId: string;
  /** URL of the cluster's Kubernetes API server. */
  readonly apiEndpoint?: string;
  /** Kubernetes version the cluster runs, as the server reports it. */
  readonly version: string;
  /** State of the cluster on the server. */
  readonly state: string;
  /** Names of the master nodes. */
  readonly masterNodes: string[];
  /** Names of the worker nodes. */
  readonly workerNodes: string[];
  /** Nodes the Kubernetes API reports Ready (at the last create, update or refresh). */
  readonly readyNodes?: string[];
  /** Nodes the Kubernetes API reports not Ready (at the last create, update or refresh). */
  readonly notReadyNodes?: string[];
  /** Kubeconfig of the cluster (its CA and an admin client certificate); byte-stable while the endpoint and the CA stay the same. */
  readonly kubeconfig?: string;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  readonly identity: string;
}

/** Inputs of KubernetesClusterAccess. Access to a cluster's Kubernetes API: its kubeconfig, read from the server. It makes no object on the server (its delete does nothing) and changes only when `clusterId` does, so an in-place update of the cluster (a scale, an upgrade) leaves it, and the Kubernetes provider built from it, unchanged in previews. `KubernetesCluster.provider` makes one. */
export interface KubernetesClusterAccessInputs {
  /** Id of the cluster whose API this gives access to. */
  readonly clusterId: string;
}

/** State (outputs) of KubernetesClusterAccess. */
export interface KubernetesClusterAccessOutputs {
  /** Id of the cluster whose API this gives access to. */
  readonly clusterId: string;
  /** Kubeconfig of the cluster (its CA and an admin client certificate); byte-stable while the endpoint and the CA stay the same. A refresh while the cluster has no API (being repaired) keeps the one it had. */
  readonly kubeconfig: string;
  /** URL of the cluster's Kubernetes API server. */
  readonly apiEndpoint?: string;
  /** The resource's identity (its URN), set by the resource class. This resource makes no object, so nothing carries it as a tag. */
  readonly identity: string;
}

export const RESOURCE_TYPES = [
  "Tenant",
  "Project",
  "Host",
  "Network",
  "StoragePool",
  "KubernetesCluster",
  "KubernetesClusterAccess",
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface ResourceMeta {
  readonly token: string;
  readonly dynamicToken: string;
  readonly inputs: readonly string[];
  readonly requiredInputs: readonly string[];
  readonly outputs: readonly string[];
  readonly replaceOnChanges: readonly string[];
  readonly secrets: readonly string[];
  readonly defaults: Readonly<Record<string, unknown>>;
}

export const RESOURCE_META: Record<ResourceType, ResourceMeta> = {
  Tenant: {
    token: "photon:index:Tenant",
    dynamicToken: "pulumi-nodejs:dynamic/photon:Tenant",
    inputs: ["name", "securityGroups", "quota", "adoptId", "adoptName", "timeouts"],
    requiredInputs: [],
    outputs: [
      "name",
      "securityGroups",
      "quota",
      "adoptId",
      "adoptName",
      "timeouts",
      "quotaUsage",
      "identity",
    ],
    replaceOnChanges: ["name"],
    secrets: [],
    defaults: { securityGroups: [], quota: {} },
  },
  Project: {
    token: "photon:index:Project",
    dynamicToken: "pulumi-nodejs:dynamic/photon:Project",
    inputs: [
      "tenantId",
      "name",
      "securityGroups",
      "quota",
      "defaultRouterPrivateIpCidr",
      "forceDestroy",
      "adoptId",
      "adoptName",
      "timeouts",
    ],
    requiredInputs: ["tenantId"],
    outputs: [
      "tenantId",
      "name",
      "securityGroups",
      "quota",
      "defaultRouterPrivateIpCidr",
      "forceDestroy",
      "adoptId",
      "adoptName",
      "timeouts",
      "quotaUsage",
      "identity",
    ],
    replaceOnChanges: ["tenantId", "name", "defaultRouterPrivateIpCidr"],
    secrets: [],
    defaults: {
      securityGroups: [],
      quota: {},
      defaultRouterPrivateIpCidr: "10.0.0.0/8",
      forceDestroy: false,
    },
  },
  Host: {
    token: "photon:index:Host",
    dynamicToken: "pulumi-nodejs:dynamic/photon:Host",
    inputs: [
      "address",
      "username",
      "password",
      "usageTags",
      "availabilityZone",
      "metadata",
      "maintenance",
      "adoptId",
      "adoptName",
      "timeouts",
    ],
    requiredInputs: ["address", "username", "password"],
    outputs: [
      "address",
      "username",
      "password",
      "usageTags",
      "availabilityZone",
      "metadata",
      "maintenance",
      "adoptId",
      "adoptName",
      "timeouts",
      "state",
      "esxVersion",
      "capacity",
      "identity",
    ],
    replaceOnChanges: ["address", "username", "password", "usageTags", "metadata"],
    secrets: ["password"],
    defaults: { usageTags: ["CLOUD"], metadata: {}, maintenance: false },
  },
  Network: {
    token: "photon:index:Network",
    dynamicToken: "pulumi-nodejs:dynamic/photon:Network",
    inputs: [
      "projectId",
      "name",
      "description",
      "cidr",
      "securityPolicy",
      "adoptId",
      "adoptName",
      "timeouts",
    ],
    requiredInputs: ["projectId", "cidr"],
    outputs: [
      "projectId",
      "name",
      "description",
      "cidr",
      "securityPolicy",
      "adoptId",
      "adoptName",
      "timeouts",
      "state",
      "identity",
    ],
    replaceOnChanges: ["projectId", "cidr"],
    secrets: [],
    defaults: { description: "" },
  },
  StoragePool: {
    token: "photon:index:StoragePool",
    dynamicToken: "pulumi-nodejs:dynamic/photon:StoragePool",
    inputs: [
      "name",
      "hostIds",
      "capacityGb",
      "failuresToTolerate",
      "forceDestroy",
      "adoptId",
      "adoptName",
      "timeouts",
    ],
    requiredInputs: ["hostIds", "capacityGb"],
    outputs: [
      "name",
      "hostIds",
      "capacityGb",
      "failuresToTolerate",
      "forceDestroy",
      "adoptId",
      "adoptName",
      "timeouts",
      "usedGb",
      "datastoreId",
      "storageClassName",
      "state",
      "identity",
    ],
    replaceOnChanges: ["name", "failuresToTolerate"],
    secrets: [],
    defaults: { failuresToTolerate: 0, forceDestroy: false },
  },
  KubernetesCluster: {
    token: "photon:index:KubernetesCluster",
    dynamicToken: "pulumi-nodejs:dynamic/photon:KubernetesCluster",
    inputs: [
      "projectId",
      "name",
      "networkId",
      "storagePoolId",
      "defaultStorageClass",
      "masterCount",
      "etcdCount",
      "workerCount",
      "masterVmFlavor",
      "workerVmFlavor",
      "kubernetesVersion",
      "autoRepair",
      "maxSurge",
      "maxUnavailable",
      "drainTimeout",
      "adoptId",
      "adoptName",
      "timeouts",
    ],
    requiredInputs: ["projectId", "workerCount"],
    outputs: [
      "projectId",
      "name",
      "networkId",
      "storagePoolId",
      "defaultStorageClass",
      "masterCount",
      "etcdCount",
      "workerCount",
      "masterVmFlavor",
      "workerVmFlavor",
      "kubernetesVersion",
      "autoRepair",
      "maxSurge",
      "maxUnavailable",
      "drainTimeout",
      "adoptId",
      "adoptName",
      "timeouts",
      "clusterId",
      "apiEndpoint",
      "version",
      "state",
      "masterNodes",
      "workerNodes",
      "readyNodes",
      "notReadyNodes",
      "kubeconfig",
      "identity",
    ],
    replaceOnChanges: [
      "projectId",
      "name",
      "networkId",
      "storagePoolId",
      "masterCount",
      "etcdCount",
      "masterVmFlavor",
      "workerVmFlavor",
    ],
    secrets: ["kubeconfig"],
    defaults: {
      defaultStorageClass: true,
      masterCount: 1,
      autoRepair: true,
      maxSurge: 1,
      maxUnavailable: 0,
      drainTimeout: "10m",
    },
  },
  KubernetesClusterAccess: {
    token: "photon:index:KubernetesClusterAccess",
    dynamicToken: "pulumi-nodejs:dynamic/photon:KubernetesClusterAccess",
    inputs: ["clusterId"],
    requiredInputs: ["clusterId"],
    outputs: ["clusterId", "kubeconfig", "apiEndpoint", "identity"],
    replaceOnChanges: ["clusterId"],
    secrets: ["kubeconfig"],
    defaults: {},
  },
};
