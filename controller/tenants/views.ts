import type { Project, Tenant } from "../model";

export function tenantView(t: Tenant) {
  return {
    id: t.id,
    kind: "tenant",
    name: t.name,
    securityGroups: t.securityGroups,
    quota: { quotaItems: t.quota },
    tags: t.tags,
  };
}

export function projectView(p: Project) {
  return {
    id: p.id,
    kind: "project",
    name: p.name,
    tenantId: p.tenantId,
    securityGroups: p.securityGroups,
    quota: { quotaItems: p.quota },
    defaultRouterPrivateIpCidr: p.defaultRouterPrivateIpCidr,
    tags: p.tags,
  };
}
