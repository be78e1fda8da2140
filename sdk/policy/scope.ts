/**
 * Where a rule applies: the stack a resource belongs to (read from its URN, the one place every
 * policy sees it) and whether that stack is a production one.
 */

/** Stack names counted as production when the pack's config names none. */
export const DEFAULT_PRODUCTION_STACKS: readonly string[] = ["prod", "prod-*", "production"];

/** `urn:pulumi:<stack>::<project>::<type>::<name>` -> `<stack>`; "" for anything else. */
export function stackOfUrn(urn: string): string {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1] ?? "";
}

/**
 * A stack is production when its name equals one of the patterns, or starts with the part before a
 * pattern's trailing `*` (`prod-*` matches `prod-eu`). Case matters, as in stack names.
 */
export function isProductionStack(stack: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith("*") ? stack.startsWith(p.slice(0, -1)) : stack === p));
}

/** The config schema entry every rule limited to production stacks takes. */
export const PRODUCTION_STACKS_SCHEMA = {
  type: "array" as const,
  items: { type: "string" as const },
  default: [...DEFAULT_PRODUCTION_STACKS],
  description: "Stack names counted as production; a trailing * matches any rest (prod-*).",
};

/** Type tokens of the resources the rules look at. */
export const TOKENS = {
  cluster: "pulumi-nodejs:dynamic/photon:KubernetesCluster",
  network: "pulumi-nodejs:dynamic/photon:Network",
  pool: "pulumi-nodejs:dynamic/photon:StoragePool",
  tenant: "pulumi-nodejs:dynamic/photon:Tenant",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  deployment: "kubernetes:apps/v1:Deployment",
  statefulSet: "kubernetes:apps/v1:StatefulSet",
  kubernetesProvider: "pulumi:providers:kubernetes",
} as const;
