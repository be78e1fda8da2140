import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { StoragePool, Tenant } from "../resources.generated";

export const DEFAULT_REQUIRED_QUOTA_KEYS: readonly string[] = ["vm.cpu", "vm.memory"];

/** A pool that tolerates no failure loses its disks with one host. The provider's default is 0. */
export function poolRedundancyProblem(failuresToTolerate: number | undefined): string | undefined {
  const ftt = failuresToTolerate ?? 0;
  return ftt >= 1
    ? undefined
    : `failuresToTolerate is ${ftt}: the pool must survive at least one host failure`;
}

/** What a tenant's quota lacks: no quota at all, or the keys the team requires. */
export function missingQuotaProblem(
  quota: Readonly<Record<string, unknown>> | undefined,
  required: readonly string[],
): string | undefined {
  const keys = Object.keys(quota ?? {});
  if (keys.length === 0) return "the tenant has no quota: it could use the whole platform";
  const missing = required.filter((k) => !keys.includes(k));
  return missing.length > 0 ? `the tenant's quota has no limit for ${missing.join(", ")}` : undefined;
}

export const storagePoolRedundancy: ResourceValidationPolicy = {
  name: "photon-storage-pool-redundancy",
  description: "Storage pools tolerate at least one host failure (failuresToTolerate >= 1).",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(StoragePool, (pool, _args, reportViolation) => {
    const problem = poolRedundancyProblem(pool.failuresToTolerate);
    if (problem) reportViolation(problem);
  }),
};

export const tenantQuota: ResourceValidationPolicy = {
  name: "photon-tenant-quota",
  description:
    "Tenants have a quota with a limit for each of requiredKeys (vm.cpu and vm.memory unless configured).",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      requiredKeys: {
        type: "array",
        items: { type: "string" },
        default: [...DEFAULT_REQUIRED_QUOTA_KEYS],
        description: "Quota keys every tenant must limit.",
      },
    },
  },
  validateResource: validateResourceOfType(Tenant, (tenant, args, reportViolation) => {
    const { requiredKeys } = args.getConfig<{ requiredKeys?: string[] }>();
    const problem = missingQuotaProblem(tenant.quota, requiredKeys ?? DEFAULT_REQUIRED_QUOTA_KEYS);
    if (problem) reportViolation(problem);
  }),
};
