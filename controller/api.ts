import { authRoutes } from "./auth/routes";
import { catalogOperations, catalogRoutes } from "./catalog/routes";
import { clusterOperations, clusterRoutes } from "./clusters/routes";
import { hostOperations, hostRoutes } from "./hosts/routes";
import { zoneOperations, zoneRoutes } from "./hosts/zones";
import type { AnyRoute } from "./http/route";
import { networkOperations, networkRoutes } from "./networks/routes";
import { datastoreRoutes } from "./storage/datastores";
import { diskOperations, diskRoutes } from "./storage/disks";
import { poolOperations, poolRoutes } from "./storage/pools";
import { systemOperations, systemRoutes } from "./system/routes";
import type { OperationDef } from "./tasks/operation";
import { taskRoutes } from "./tasks/routes";
import { projectOperations, projectRoutes } from "./tenants/projects";
import { updateQuota } from "./tenants/quotas";
import { tenantOperations, tenantRoutes } from "./tenants/routes";

/** Every route of the API, as data. The fault-only routes are present only when faults are on. */
export function allRoutes(faults: boolean): AnyRoute[] {
  return [
    ...authRoutes,
    ...systemRoutes,
    ...taskRoutes,
    ...tenantRoutes,
    ...projectRoutes,
    ...hostRoutes(faults),
    ...zoneRoutes,
    ...networkRoutes,
    ...datastoreRoutes,
    ...poolRoutes,
    ...diskRoutes,
    ...catalogRoutes,
    ...clusterRoutes,
  ];
}

/**
 * Every operation the task engine can run or resume after a restart. The list mixes input types; the
 * engine hands each operation only the input stored for it.
 */
export const allOperations = [
  ...systemOperations,
  ...tenantOperations,
  ...projectOperations,
  updateQuota,
  ...hostOperations,
  ...zoneOperations,
  ...networkOperations,
  ...poolOperations,
  ...diskOperations,
  ...catalogOperations,
  ...clusterOperations,
] as unknown as OperationDef<never>[];
