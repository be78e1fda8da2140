export * from "./resources.generated";
// Shadows the generated class of the same name: the same resource plus its Kubernetes provider.
export { KubernetesCluster } from "./kubernetesCluster";
export type * from "./generated";
export type {
  HostCapacity,
  HostUsageTag,
  PolicyAction,
  Protocol,
  QuotaItem,
  QuotaUnit,
  SecurityPolicy,
  SecurityRule,
  Timeouts,
  TrafficDirection,
} from "../provider/generated/schema";
