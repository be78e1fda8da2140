/**
 * `pulumi-photon/policy`: the rules a platform team enforces on Photon stacks, each a named, documented
 * `@pulumi/policy` policy (in the spirit of pulumi/compliance-policies), and `photonPolicies`, all of
 * them, for a ready pack. docs/policy.md lists them with their config and their limits.
 */
import type { Policies } from "@pulumi/policy";
import { clusterDrainTimeout, clusterWorkerCap, productionClusterHa, stackWorkerCap } from "./clusters";
import { podDisruptionBudgetAllowsDisruption, podDisruptionBudgetBelowReplicas } from "./disruption";
import { networkAdminPortsClosed, networkDefaultDeny } from "./networks";
import { storagePoolRedundancy, tenantQuota } from "./storage";

export * from "./clusters";
export * from "./disruption";
export * from "./networks";
export * from "./scope";
export * from "./storage";

/** Every rule, at the enforcement level a platform team would start from. */
export const photonPolicies: Policies = [
  productionClusterHa,
  clusterDrainTimeout,
  clusterWorkerCap,
  stackWorkerCap,
  networkAdminPortsClosed,
  networkDefaultDeny,
  storagePoolRedundancy,
  tenantQuota,
  podDisruptionBudgetAllowsDisruption,
  podDisruptionBudgetBelowReplicas,
];
