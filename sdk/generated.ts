// Generated from schema.json by `npm run gen`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import type {
  QuotaUnit,
  HostUsageTag,
  PolicyAction,
  TrafficDirection,
  Protocol,
} from "../provider/generated/schema";

/** Deadlines as durations such as `90s`, `10m` or `1h`. */
export interface TimeoutsArgs {
  /** Deadline of the create, waiting included. */
  readonly create?: pulumi.Input<string>;
  /** Deadline of an update, waiting included. */
  readonly update?: pulumi.Input<string>;
  /** Deadline of the delete, waiting included. */
  readonly delete?: pulumi.Input<string>;
}

/** One quota limit. */
export interface QuotaItemArgs {
  /** The limit, at least 0. */
  readonly limit: pulumi.Input<number>;
  /** `COUNT` for counts (`vm`, `vm.cpu`, `vm.cost`), a size unit for memory and capacities. */
  readonly unit: pulumi.Input<QuotaUnit>;
}

/** Resources of a host. */
export interface HostCapacityArgs {
  /** CPU cores. */
  readonly cpuCount: pulumi.Input<number>;
  /** Memory in MB. */
  readonly memoryMb: pulumi.Input<number>;
  /** Local datastore capacity in GB. */
  readonly datastoreGb: pulumi.Input<number>;
}

/** One rule of a network security policy; rules are evaluated in order. */
export interface SecurityRuleArgs {
  /** Name of the rule, unique within the policy (same rules as entity names). */
  readonly name: pulumi.Input<string>;
  /** `INGRESS` or `EGRESS`. */
  readonly direction: pulumi.Input<TrafficDirection>;
  /** `ALLOW` or `DENY`. */
  readonly action: pulumi.Input<PolicyAction>;
  /** `TCP`, `UDP`, `ICMP` or `ANY`. */
  readonly protocol: pulumi.Input<Protocol>;
  /** Peer address ranges in CIDR notation (at least one). */
  readonly cidrs: pulumi.Input<pulumi.Input<string>[]>;
  /** Ports (`80`) or port ranges (`8000-8100`), only for `TCP` and `UDP`; empty means every port. */
  readonly ports?: pulumi.Input<pulumi.Input<string>[]>;
}

/** The security policy of a network: a default action and ordered rules. */
export interface SecurityPolicyArgs {
  /** What happens to traffic no rule matches. */
  readonly defaultAction: pulumi.Input<PolicyAction>;
  /** Ordered rules. */
  readonly rules?: pulumi.Input<pulumi.Input<SecurityRuleArgs>[]>;
}

/** Arguments of Tenant. A tenant: the unit of isolation and quota. Its members are the users of its security groups. */
export interface TenantArgs {
  /** Name of the tenant: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  readonly name?: pulumi.Input<string>;
  /** Groups (`domain\\group`) whose members may use this tenant. */
  readonly securityGroups?: pulumi.Input<pulumi.Input<string>[]>;
  /** Quota limits by key (`vm`, `vm.cpu`, `vm.memory`, `vm.cost`, `ephemeral-disk.capacity`, `persistent-disk.capacity`, `storage.<TAG>`, `sdn.floatingip.size`). */
  readonly quota?: pulumi.Input<Record<string, pulumi.Input<QuotaItemArgs>>>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: pulumi.Input<string>;
  /** Name of an existing tenant to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a tenant cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: pulumi.Input<string>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Arguments of Project. A project of a tenant: holds networks, disks and clusters within its own quota. */
export interface ProjectArgs {
  /** Id of the tenant that owns the project. */
  readonly tenantId: pulumi.Input<string>;
  /** Name of the project: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the tenant. Defaults to the resource name. */
  readonly name?: pulumi.Input<string>;
  /** Groups (`domain\\group`) whose members may use this project, in addition to the tenant's. */
  readonly securityGroups?: pulumi.Input<pulumi.Input<string>[]>;
  /** Quota limits by key, as for tenants. */
  readonly quota?: pulumi.Input<Record<string, pulumi.Input<QuotaItemArgs>>>;
  /** Address range (CIDR) the project's networks are carved from. */
  readonly defaultRouterPrivateIpCidr?: pulumi.Input<string>;
  /** Delete the networks and disks the project still holds when it is deleted. Without it, deleting a project that is not empty fails. */
  readonly forceDestroy?: pulumi.Input<boolean>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: pulumi.Input<string>;
  /** Name of an existing project of the tenant `tenantId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a project cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: pulumi.Input<string>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Arguments of Host. An ESXi host under Photon's management. It enters maintenance mode (with its cluster VMs evacuated) before it is removed. */
export interface HostArgs {
  /** IP address or host name of the host, unique on the server. */
  readonly address: pulumi.Input<string>;
  /** Login of the host's management agent. */
  readonly username: pulumi.Input<string>;
  /** Password of that login. Write-only on the server; kept as a secret. */
  readonly password: pulumi.Input<string>;
  /** What the host is used for. */
  readonly usageTags?: pulumi.Input<pulumi.Input<HostUsageTag>[]>;
  /** Id of the availability zone of the host. */
  readonly availabilityZone?: pulumi.Input<string>;
  /** Host metadata; `cpuCount`, `memoryMb` and `datastoreGb` set its capacity. */
  readonly metadata?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Keep the host in maintenance mode (its cluster VMs are evacuated to other hosts first). */
  readonly maintenance?: pulumi.Input<boolean>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: pulumi.Input<string>;
  /** Address of an existing host to manage instead of adding one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). Must equal `address` (a host's address is its unique name). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: pulumi.Input<string>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Arguments of Network. A virtual network (NSX) of a project with its own security policy. */
export interface NetworkArgs {
  /** Id of the project that owns the network. */
  readonly projectId: pulumi.Input<string>;
  /** Name of the network: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  readonly name?: pulumi.Input<string>;
  /** Free text. */
  readonly description?: pulumi.Input<string>;
  /** Private address range of the network, inside the project's range and not overlapping its other networks. */
  readonly cidr: pulumi.Input<string>;
  /** Default action and ordered rules for the network's traffic. */
  readonly securityPolicy?: pulumi.Input<SecurityPolicyArgs>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: pulumi.Input<string>;
  /** Name of an existing network of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it; a different `name` renames the adopted network in place. Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: pulumi.Input<string>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Arguments of StoragePool. An elastic vSAN storage pool over member hosts; shows up as a `VSAN` datastore. */
export interface StoragePoolArgs {
  /** Name of the storage pool: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  readonly name?: pulumi.Input<string>;
  /** Ids of the member hosts; at least `2 * failuresToTolerate + 1`. */
  readonly hostIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Capacity in GB; grows and shrinks in place, never below what is used. */
  readonly capacityGb: pulumi.Input<number>;
  /** Host failures the pool survives (0 to 3). */
  readonly failuresToTolerate?: pulumi.Input<number>;
  /** Delete the detached disks the pool still holds when it is deleted. Without it, deleting a pool in use fails. */
  readonly forceDestroy?: pulumi.Input<boolean>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: pulumi.Input<string>;
  /** Name of an existing storage pool to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a pool cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: pulumi.Input<string>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Arguments of KubernetesCluster. A Kubernetes cluster (Kubernetes as a service): masters, etcd and workers on the platform's hosts, every node Ready before the create ends. */
export interface KubernetesClusterArgs {
  /** Id of the project that owns the cluster. */
  readonly projectId: pulumi.Input<string>;
  /** Name of the cluster: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  readonly name?: pulumi.Input<string>;
  /** Id of the project's network the cluster's VMs are attached to. */
  readonly networkId?: pulumi.Input<string>;
  /** Id of the READY storage pool that holds the cluster's VM disks; the API cannot move a cluster to another pool. */
  readonly storagePoolId?: pulumi.Input<string>;
  /** Whether the StorageClass of the cluster's storage pool is the cluster's default class (`storageclass.kubernetes.io/is-default-class`), so claims that name no class get volumes from the pool. Only with `storagePoolId`; changes in place. */
  readonly defaultStorageClass?: pulumi.Input<boolean>;
  /** Number of Kubernetes masters: 1, 3 or 5. */
  readonly masterCount?: pulumi.Input<number>;
  /** Number of etcd VMs (1 to 5); the server uses the master count when left out. */
  readonly etcdCount?: pulumi.Input<number>;
  /** Number of worker nodes (0 to 1000). Grows and shrinks in place; shrinking cordons and drains the removed nodes first (PodDisruptionBudgets are respected). */
  readonly workerCount: pulumi.Input<number>;
  /** VM flavor of the masters; the server's `cluster-master-vm` when left out. */
  readonly masterVmFlavor?: pulumi.Input<string>;
  /** VM flavor of the workers and etcd VMs; the server's `cluster-other-vm` when left out. */
  readonly workerVmFlavor?: pulumi.Input<string>;
  /** Kubernetes version, such as `1.36.3`; the server's default image when left out. A newer version is a rolling upgrade in place; an older one replaces the cluster. */
  readonly kubernetesVersion?: pulumi.Input<string>;
  /** Repair unhealthy nodes: an update that finds not-ready nodes triggers the platform's maintenance and waits for it. Off: they are only reported. */
  readonly autoRepair?: pulumi.Input<boolean>;
  /** Nodes an upgrade may add above the cluster's size (0 to 100), as Cluster API. */
  readonly maxSurge?: pulumi.Input<number>;
  /** Nodes an upgrade may take away at once (0 to 100); at least 1 when maxSurge is 0. */
  readonly maxUnavailable?: pulumi.Input<number>;
  /** How long a drain may wait for evictions a PodDisruptionBudget refuses, such as `10m`. */
  readonly drainTimeout?: pulumi.Input<string>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  readonly adoptId?: pulumi.Input<string>;
  /** Name of an existing cluster of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a cluster cannot be renamed). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  readonly adoptName?: pulumi.Input<string>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  readonly timeouts?: pulumi.Input<TimeoutsArgs>;
}

/** Arguments of KubernetesClusterAccess. Access to a cluster's Kubernetes API: its kubeconfig, read from the server. It makes no object on the server (its delete does nothing) and changes only when `clusterId` does, so an in-place update of the cluster (a scale, an upgrade) leaves it, and the Kubernetes provider built from it, unchanged in previews. `KubernetesCluster.provider` makes one. */
export interface KubernetesClusterAccessArgs {
  /** Id of the cluster whose API this gives access to. */
  readonly clusterId: pulumi.Input<string>;
}
