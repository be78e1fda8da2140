/**
 * Host capacity values and storage pool membership: one rule for the provider's `check` and the
 * controller's validation. Pure: imports nothing of either side.
 */

/** The host metadata keys that set its capacity (the rest of the metadata is free text). */
export const CAPACITY_KEYS = ["cpuCount", "memoryMb", "datastoreGb"] as const;
export type CapacityKey = (typeof CAPACITY_KEYS)[number];

/** Completes "<property> ..." for a capacity value that is not a positive whole number. */
export const CAPACITY_VALUE_PROBLEM = "must be a positive whole number of at most 9 digits";

/** A capacity value as written in host metadata: a positive whole number without leading zeros. */
export function capacityValueProblem(raw: string): string | undefined {
  return /^[1-9][0-9]{0,8}$/.test(raw) ? undefined : CAPACITY_VALUE_PROBLEM;
}

/** A pool that tolerates `ftt` failures keeps ftt + 1 copies, and needs 2 * ftt + 1 hosts for a quorum. */
export function poolMembersNeeded(ftt: number): number {
  return 2 * ftt + 1;
}

/** Completes "hostIds ..." when a pool has too few members for its failures to tolerate. */
export function poolMembersProblem(members: number, ftt: number): string | undefined {
  const need = poolMembersNeeded(ftt);
  return members >= need
    ? undefined
    : `must list at least ${need} hosts to tolerate ${ftt} failures (2 * failuresToTolerate + 1)`;
}
