export * from "./resources.generated";
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
