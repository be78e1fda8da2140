/** Shapes of the Photon API (Gen B, /v1) as the provider uses them. */

export type TaskState = "QUEUED" | "STARTED" | "COMPLETED" | "ERROR";

export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly data?: Record<string, string>;
}

export interface TaskStep {
  readonly sequence: number;
  readonly state: TaskState;
  readonly operation: string;
  readonly errors?: ApiErrorBody[];
  readonly warnings?: ApiErrorBody[];
}

export interface Task {
  readonly id: string;
  readonly selfLink?: string;
  readonly entity?: { readonly kind: string; readonly id: string };
  readonly state: TaskState;
  readonly operation: string;
  readonly steps?: TaskStep[];
}

export interface Page<T> {
  readonly items: T[];
  readonly nextPageLink?: string | null;
  readonly previousPageLink?: string | null;
}

export type QuotaUnit = "GB" | "MB" | "KB" | "B" | "COUNT";

export interface QuotaLineItem {
  readonly limit: number;
  readonly unit: QuotaUnit;
  readonly usage?: number;
}

export interface Quota {
  readonly quotaItems: Record<string, QuotaLineItem>;
}

interface Tagged {
  readonly id: string;
  readonly tags?: string[];
}

export interface Tenant extends Tagged {
  readonly name: string;
  readonly securityGroups?: Array<string | { name: string; inherited?: boolean }>;
  readonly quota?: Quota;
}

export interface Project extends Tagged {
  readonly name: string;
  readonly tenantId?: string;
  readonly securityGroups?: Array<string | { name: string; inherited?: boolean }>;
  readonly quota?: Quota;
  readonly defaultRouterPrivateIpCidr?: string;
}

export type HostState =
  "CREATING" | "NOT_PROVISIONED" | "READY" | "MAINTENANCE" | "SUSPENDED" | "ERROR" | "DELETED";

export interface HostCapacity {
  readonly cpuCount: number;
  readonly memoryMb: number;
  readonly datastoreGb: number;
}

export interface Host extends Tagged {
  readonly address: string;
  readonly username: string;
  readonly usageTags: string[];
  readonly availabilityZone?: string | null;
  readonly metadata?: Record<string, string>;
  readonly esxVersion?: string;
  readonly state: HostState;
  readonly capacity?: HostCapacity;
  readonly usage?: HostCapacity;
}

export interface SecurityRule {
  readonly name: string;
  readonly direction: "INGRESS" | "EGRESS";
  readonly action: "ALLOW" | "DENY";
  readonly protocol: "TCP" | "UDP" | "ICMP" | "ANY";
  readonly cidrs: string[];
  readonly ports?: string[];
}

export interface SecurityPolicy {
  readonly defaultAction: "ALLOW" | "DENY";
  readonly rules: SecurityRule[];
}

export interface Network extends Tagged {
  readonly name: string;
  readonly description?: string;
  readonly privateIpCidr: string;
  readonly projectId?: string;
  readonly state: string;
  readonly securityPolicy?: SecurityPolicy | null;
}

export interface StoragePool extends Tagged {
  readonly name: string;
  readonly hostIds: string[];
  readonly capacityGb: number;
  readonly usedGb: number;
  readonly failuresToTolerate: number;
  readonly datastoreId?: string;
  readonly state: string;
}

export interface TokenAnswer {
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly token_type?: string;
  readonly expires_in?: number;
}

/** A Kubernetes cluster ("service" in Gen B). */
export interface Cluster extends Tagged {
  readonly name: string;
  readonly state: string;
  readonly projectId: string;
  readonly workerCount: number;
  readonly imageId: string;
  readonly masterVmFlavorName: string;
  readonly otherVmFlavorName: string;
  readonly networkId?: string | null;
  readonly storagePoolId?: string | null;
  readonly errorReason?: string;
  readonly extendedProperties: Record<string, string>;
  readonly upgradeStatus?: { readonly newImageId: string; readonly upgradeMessage: string } | null;
}

export type ClusterVmRole = "KubernetesMaster" | "KubernetesEtcd" | "KubernetesWorker";

export interface ClusterVm {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly role: ClusterVmRole;
  readonly kubernetesVersion?: string;
}

export interface Image {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly kubernetesVersion?: string;
}
