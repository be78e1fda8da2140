import type { Network, Subnet } from "../model";

export function networkView(n: Network) {
  return {
    id: n.id,
    kind: "network",
    name: n.name,
    description: n.description,
    projectId: n.projectId,
    privateIpCidr: n.privateIpCidr,
    securityPolicy: n.securityPolicy ?? null,
    state: n.state,
    tags: n.tags,
  };
}

export function subnetView(s: Subnet) {
  return {
    id: s.id,
    kind: "subnet",
    name: s.name,
    description: s.description,
    type: s.type,
    networkId: s.networkId,
    projectId: s.projectId,
    privateIpCidr: s.privateIpCidr,
    dnsServerAddresses: s.dnsServerAddresses,
    reservedIps: s.reservedIps,
    state: s.state,
    tags: s.tags,
  };
}
