// Generated from schema.json by `npm run gen`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import type {
  Timeouts,
  QuotaItem,
  HostUsageTag,
  HostCapacity,
  SecurityPolicy,
} from "../provider/generated/schema";
import type {
  TenantArgs,
  ProjectArgs,
  HostArgs,
  NetworkArgs,
  StoragePoolArgs,
  KubernetesClusterArgs,
  KubernetesClusterAccessArgs,
} from "./generated";
import { resourceInputs, resourceOptions } from "./inputs";
import { PhotonResource } from "./stub";

/** A tenant: the unit of isolation and quota. Its members are the users of its security groups. */
export class Tenant extends PhotonResource {
  /** The engine's type token; policy packs match resources through it. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:Tenant";

  static isInstance(obj: unknown): obj is Tenant {
    return obj instanceof Tenant;
  }

  /** Name of the tenant: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  declare readonly name: pulumi.Output<string>;
  /** Groups (`domain\\group`) whose members may use this tenant. */
  declare readonly securityGroups: pulumi.Output<string[]>;
  /** Quota limits by key (`vm`, `vm.cpu`, `vm.memory`, `vm.cost`, `ephemeral-disk.capacity`, `persistent-disk.capacity`, `storage.<TAG>`, `sdn.floatingip.size`). */
  declare readonly quota: pulumi.Output<Record<string, QuotaItem>>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** Name of an existing tenant to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a tenant cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptName: pulumi.Output<string | undefined>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** Current usage by quota key. */
  declare readonly quotaUsage: pulumi.Output<Record<string, number>>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  declare readonly identity: pulumi.Output<string>;

  constructor(name: string, args: TenantArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    super("Tenant", name, resourceInputs("Tenant", name, args, opts), resourceOptions("Tenant", opts));
  }
}

/** A project of a tenant: holds networks, disks and clusters within its own quota. */
export class Project extends PhotonResource {
  /** The engine's type token; policy packs match resources through it. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:Project";

  static isInstance(obj: unknown): obj is Project {
    return obj instanceof Project;
  }

  /** Id of the tenant that owns the project. */
  declare readonly tenantId: pulumi.Output<string>;
  /** Name of the project: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the tenant. Defaults to the resource name. */
  declare readonly name: pulumi.Output<string>;
  /** Groups (`domain\\group`) whose members may use this project, in addition to the tenant's. */
  declare readonly securityGroups: pulumi.Output<string[]>;
  /** Quota limits by key, as for tenants. */
  declare readonly quota: pulumi.Output<Record<string, QuotaItem>>;
  /** Address range (CIDR) the project's networks are carved from. */
  declare readonly defaultRouterPrivateIpCidr: pulumi.Output<string>;
  /** Delete the networks and disks the project still holds when it is deleted. Without it, deleting a project that is not empty fails. */
  declare readonly forceDestroy: pulumi.Output<boolean>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** Name of an existing project of the tenant `tenantId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a project cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptName: pulumi.Output<string | undefined>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** Current usage by quota key. */
  declare readonly quotaUsage: pulumi.Output<Record<string, number>>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  declare readonly identity: pulumi.Output<string>;

  constructor(name: string, args: ProjectArgs, opts: pulumi.CustomResourceOptions = {}) {
    super("Project", name, resourceInputs("Project", name, args, opts), resourceOptions("Project", opts));
  }
}

/** An ESXi host under Photon's management. It enters maintenance mode (with its cluster VMs evacuated) before it is removed. */
export class Host extends PhotonResource {
  /** The engine's type token; policy packs match resources through it. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:Host";

  static isInstance(obj: unknown): obj is Host {
    return obj instanceof Host;
  }

  /** IP address or host name of the host, unique on the server. */
  declare readonly address: pulumi.Output<string>;
  /** Login of the host's management agent. */
  declare readonly username: pulumi.Output<string>;
  /** Password of that login. Write-only on the server; kept as a secret. */
  declare readonly password: pulumi.Output<string>;
  /** What the host is used for. */
  declare readonly usageTags: pulumi.Output<HostUsageTag[]>;
  /** Id of the availability zone of the host. */
  declare readonly availabilityZone: pulumi.Output<string | undefined>;
  /** Host metadata; `cpuCount`, `memoryMb` and `datastoreGb` set its capacity. */
  declare readonly metadata: pulumi.Output<Record<string, string>>;
  /** Keep the host in maintenance mode (its cluster VMs are evacuated to other hosts first). */
  declare readonly maintenance: pulumi.Output<boolean>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** Address of an existing host to manage instead of adding one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). Must equal `address` (a host's address is its unique name). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptName: pulumi.Output<string | undefined>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** State of the host on the server. */
  declare readonly state: pulumi.Output<string>;
  /** ESXi version the host reports. */
  declare readonly esxVersion: pulumi.Output<string | undefined>;
  /** Resources of the host. */
  declare readonly capacity: pulumi.Output<HostCapacity | undefined>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  declare readonly identity: pulumi.Output<string>;

  constructor(name: string, args: HostArgs, opts: pulumi.CustomResourceOptions = {}) {
    super("Host", name, resourceInputs("Host", name, args, opts), resourceOptions("Host", opts));
  }
}

/** A virtual network (NSX) of a project with its own security policy. */
export class Network extends PhotonResource {
  /** The engine's type token; policy packs match resources through it. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:Network";

  static isInstance(obj: unknown): obj is Network {
    return obj instanceof Network;
  }

  /** Id of the project that owns the network. */
  declare readonly projectId: pulumi.Output<string>;
  /** Name of the network: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  declare readonly name: pulumi.Output<string>;
  /** Free text. */
  declare readonly description: pulumi.Output<string>;
  /** Private address range of the network, inside the project's range and not overlapping its other networks. */
  declare readonly cidr: pulumi.Output<string>;
  /** Default action and ordered rules for the network's traffic. */
  declare readonly securityPolicy: pulumi.Output<SecurityPolicy | undefined>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** Name of an existing network of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it; a different `name` renames the adopted network in place. Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptName: pulumi.Output<string | undefined>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** State of the network on the server. */
  declare readonly state: pulumi.Output<string>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  declare readonly identity: pulumi.Output<string>;

  constructor(name: string, args: NetworkArgs, opts: pulumi.CustomResourceOptions = {}) {
    super("Network", name, resourceInputs("Network", name, args, opts), resourceOptions("Network", opts));
  }
}

/** An elastic vSAN storage pool over member hosts; shows up as a `VSAN` datastore. */
export class StoragePool extends PhotonResource {
  /** The engine's type token; policy packs match resources through it. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:StoragePool";

  static isInstance(obj: unknown): obj is StoragePool {
    return obj instanceof StoragePool;
  }

  /** Name of the storage pool: a letter, then letters, digits or dashes, 1 to 63 characters; unique on the server. Defaults to the resource name. */
  declare readonly name: pulumi.Output<string>;
  /** Ids of the member hosts; at least `2 * failuresToTolerate + 1`. */
  declare readonly hostIds: pulumi.Output<string[]>;
  /** Capacity in GB; grows and shrinks in place, never below what is used. */
  declare readonly capacityGb: pulumi.Output<number>;
  /** Host failures the pool survives (0 to 3). */
  declare readonly failuresToTolerate: pulumi.Output<number>;
  /** Delete the detached disks the pool still holds when it is deleted. Without it, deleting a pool in use fails. */
  declare readonly forceDestroy: pulumi.Output<boolean>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** Name of an existing storage pool to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a pool cannot be renamed in place). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptName: pulumi.Output<string | undefined>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** Capacity in use, in GB. */
  declare readonly usedGb: pulumi.Output<number>;
  /** Id of the pool's `VSAN` datastore. */
  declare readonly datastoreId: pulumi.Output<string>;
  /** Name of the StorageClass every cluster made with this pool gets (`vsan-` and the pool name in lower case): its PersistentVolumeClaims are carved from the pool as Photon persistent disks. */
  declare readonly storageClassName: pulumi.Output<string>;
  /** State of the pool on the server. */
  declare readonly state: pulumi.Output<string>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  declare readonly identity: pulumi.Output<string>;

  constructor(name: string, args: StoragePoolArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "StoragePool",
      name,
      resourceInputs("StoragePool", name, args, opts),
      resourceOptions("StoragePool", opts),
    );
  }
}

/** A Kubernetes cluster (Kubernetes as a service): masters, etcd and workers on the platform's hosts, every node Ready before the create ends. */
export class KubernetesCluster extends PhotonResource {
  /** The engine's type token; policy packs match resources through it. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:KubernetesCluster";

  static isInstance(obj: unknown): obj is KubernetesCluster {
    return obj instanceof KubernetesCluster;
  }

  /** Id of the project that owns the cluster. */
  declare readonly projectId: pulumi.Output<string>;
  /** Name of the cluster: a letter, then letters, digits or dashes, 1 to 63 characters; unique within the project. Defaults to the resource name. */
  declare readonly name: pulumi.Output<string>;
  /** Id of the project's network the cluster's VMs are attached to. */
  declare readonly networkId: pulumi.Output<string | undefined>;
  /** Id of the READY storage pool that holds the cluster's VM disks; the API cannot move a cluster to another pool. */
  declare readonly storagePoolId: pulumi.Output<string | undefined>;
  /** Whether the StorageClass of the cluster's storage pool is the cluster's default class (`storageclass.kubernetes.io/is-default-class`), so claims that name no class get volumes from the pool. Only with `storagePoolId`; changes in place. */
  declare readonly defaultStorageClass: pulumi.Output<boolean | undefined>;
  /** Number of Kubernetes masters: 1, 3 or 5. */
  declare readonly masterCount: pulumi.Output<number>;
  /** Number of etcd VMs (1 to 5); the server uses the master count when left out. */
  declare readonly etcdCount: pulumi.Output<number | undefined>;
  /** Number of worker nodes (0 to 1000). Grows and shrinks in place; shrinking cordons and drains the removed nodes first (PodDisruptionBudgets are respected). */
  declare readonly workerCount: pulumi.Output<number>;
  /** VM flavor of the masters; the server's `cluster-master-vm` when left out. */
  declare readonly masterVmFlavor: pulumi.Output<string | undefined>;
  /** VM flavor of the workers and etcd VMs; the server's `cluster-other-vm` when left out. */
  declare readonly workerVmFlavor: pulumi.Output<string | undefined>;
  /** Kubernetes version, such as `1.36.3`; the server's default image when left out. A newer version is a rolling upgrade in place; an older one replaces the cluster. */
  declare readonly kubernetesVersion: pulumi.Output<string | undefined>;
  /** Repair unhealthy nodes: an update that finds not-ready nodes triggers the platform's maintenance and waits for it. Off: they are only reported. */
  declare readonly autoRepair: pulumi.Output<boolean>;
  /** Nodes an upgrade may add above the cluster's size (0 to 100), as Cluster API. */
  declare readonly maxSurge: pulumi.Output<number>;
  /** Nodes an upgrade may take away at once (0 to 100); at least 1 when maxSurge is 0. */
  declare readonly maxUnavailable: pulumi.Output<number>;
  /** How long a drain may wait for evictions a PodDisruptionBudget refuses, such as `10m`. */
  declare readonly drainTimeout: pulumi.Output<string>;
  /** Id of an existing object to manage instead of creating a new one (dynamic resources cannot be imported with `pulumi import`). Read only at create; give adoptId or adoptName, not both. The adopted object must already have the inputs it cannot change in place (its name or address, its tenant or project); it is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** Name of an existing cluster of the project `projectId` to manage instead of creating one, for when its id is not known (dynamic resources cannot be imported with `pulumi import`). `name` defaults to it and must equal it (a cluster cannot be renamed). Read only at create; give adoptId or adoptName, not both; the adopted object is changed to match the other inputs and is deleted with the resource. */
  declare readonly adoptName: pulumi.Output<string | undefined>;
  /** Deadlines of this resource's operations; `customTimeouts` do not reach dynamic providers. */
  declare readonly timeouts: pulumi.Output<Timeouts | undefined>;
  /** Id of the cluster on the server (its stable identity). */
  declare readonly clusterId: pulumi.Output<string>;
  /** URL of the cluster's Kubernetes API server. */
  declare readonly apiEndpoint: pulumi.Output<string | undefined>;
  /** Kubernetes version the cluster runs, as the server reports it. */
  declare readonly version: pulumi.Output<string>;
  /** State of the cluster on the server. */
  declare readonly state: pulumi.Output<string>;
  /** Names of the master nodes. */
  declare readonly masterNodes: pulumi.Output<string[]>;
  /** Names of the worker nodes. */
  declare readonly workerNodes: pulumi.Output<string[]>;
  /** Nodes the Kubernetes API reports Ready (at the last create, update or refresh). */
  declare readonly readyNodes: pulumi.Output<string[] | undefined>;
  /** Nodes the Kubernetes API reports not Ready (at the last create, update or refresh). */
  declare readonly notReadyNodes: pulumi.Output<string[] | undefined>;
  /** Kubeconfig of the cluster (its CA and an admin client certificate); byte-stable while the endpoint and the CA stay the same. */
  declare readonly kubeconfig: pulumi.Output<string | undefined>;
  /** The resource's identity (its URN), set by the resource class. The object carries the tag `pulumi:<identity>` so that a create retried after a lost answer finds it instead of making a second one. */
  declare readonly identity: pulumi.Output<string>;

  constructor(name: string, args: KubernetesClusterArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "KubernetesCluster",
      name,
      resourceInputs("KubernetesCluster", name, args, opts),
      resourceOptions("KubernetesCluster", opts),
    );
  }
}

/** Access to a cluster's Kubernetes API: its kubeconfig, read from the server. It makes no object on the server (its delete does nothing) and changes only when `clusterId` does, so an in-place update of the cluster (a scale, an upgrade) leaves it, and the Kubernetes provider built from it, unchanged in previews. `KubernetesCluster.provider` makes one. */
export class KubernetesClusterAccess extends PhotonResource {
  /** The engine's type token; policy packs match resources through it. */
  static readonly __pulumiType = "pulumi-nodejs:dynamic/photon:KubernetesClusterAccess";

  static isInstance(obj: unknown): obj is KubernetesClusterAccess {
    return obj instanceof KubernetesClusterAccess;
  }

  /** Id of the cluster whose API this gives access to. */
  declare readonly clusterId: pulumi.Output<string>;
  /** Kubeconfig of the cluster (its CA and an admin client certificate); byte-stable while the endpoint and the CA stay the same. A refresh while the cluster has no API (being repaired) keeps the one it had. */
  declare readonly kubeconfig: pulumi.Output<string>;
  /** URL of the cluster's Kubernetes API server. */
  declare readonly apiEndpoint: pulumi.Output<string | undefined>;
  /** The resource's identity (its URN), set by the resource class. This resource makes no object, so nothing carries it as a tag. */
  declare readonly identity: pulumi.Output<string>;

  constructor(name: string, args: KubernetesClusterAccessArgs, opts: pulumi.CustomResourceOptions = {}) {
    super(
      "KubernetesClusterAccess",
      name,
      resourceInputs("KubernetesClusterAccess", name, args, opts),
      resourceOptions("KubernetesClusterAccess", opts),
    );
  }
}
