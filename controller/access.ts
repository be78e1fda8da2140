import { ApiError, forbidden, notFound, type ApiErrorCode } from "./http/errors";
import type { Caller, ScopeKind } from "./http/route";
import type { Project, Tenant } from "./model";
import type { Platform } from "./platform";

/** Tenant isolation: a caller sees a tenant when one of its groups is in the tenant's security groups. */
export function canSeeTenant(caller: Caller, tenant: Pick<Tenant, "securityGroups">): boolean {
  return caller.admin || tenant.securityGroups.some((g) => caller.groups.includes(g));
}

/** Tenant ids the caller may see; undefined means all (the admin). */
export function visibleTenantIds(p: Platform, caller: Caller): string[] | undefined {
  if (caller.admin) return undefined;
  return p.store
    .list("tenant")
    .filter((t) => canSeeTenant(caller, t))
    .map((t) => t.id);
}

export function requireProject(p: Platform, caller: Caller, projectId: string): Project {
  const project = p.store.get("project", projectId);
  if (!project) throw notFound("project", projectId, "ProjectNotFound");
  requireTenantOf(p, caller, project.tenantId, "project", projectId);
  return project;
}

/** For an entity owned by a tenant: 403 unless the caller sees that tenant. */
export function requireTenantOf(
  p: Platform,
  caller: Caller,
  tenantId: string,
  kind: string,
  id: string,
): void {
  if (caller.admin) return;
  const tenant = p.store.get("tenant", tenantId);
  if (!tenant || !canSeeTenant(caller, tenant)) throw forbidden(`Access to ${kind} ${id} is forbidden`);
}

export function requireAdmin(caller: Caller): void {
  if (!caller.admin) throw new ApiError(403, "AccessForbidden", "Only the system admin may do this");
}

const NOT_FOUND_CODES: Record<ScopeKind, ApiErrorCode> = {
  tenant: "TenantNotFound",
  project: "ProjectNotFound",
  network: "NetworkNotFound",
  subnet: "SubnetNotFound",
  service: "ClusterNotFound",
  disk: "DiskNotFound",
  vm: "VmNotFound",
  task: "TaskNotFound",
};

/** The tenant that owns a scoped entity: null for tasks of infrastructure; throws 404 if absent. */
function ownerOf(p: Platform, kind: ScopeKind, id: string): string | null {
  const owner = (): string | null | undefined => {
    switch (kind) {
      case "tenant":
        return p.store.get("tenant", id)?.id;
      case "task": {
        const task = p.store.getTask(id);
        return task ? task.tenantId : undefined;
      }
      default:
        return p.store.get(kind, id)?.tenantId;
    }
  };
  const tenantId = owner();
  if (tenantId === undefined) throw notFound(kind, id, NOT_FOUND_CODES[kind]);
  return tenantId;
}

/** Enforces a route's declared scope (see RouteDef.scope). */
export function enforceScope(p: Platform, caller: Caller, kind: ScopeKind, id: string): void {
  const tenantId = ownerOf(p, kind, id);
  if (caller.admin) return;
  if (tenantId === null) throw forbidden(`Access to ${kind} ${id} is forbidden`);
  requireTenantOf(p, caller, tenantId, kind, id);
}
