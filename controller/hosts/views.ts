import type { Host, Zone } from "../model";
import type { Platform } from "../platform";
import { hostUsage } from "./capacity";

export function hostView(p: Platform, h: Host) {
  return {
    id: h.id,
    kind: "host",
    address: h.address,
    username: h.username,
    usageTags: h.usageTags,
    availabilityZone: h.availabilityZone ?? null,
    metadata: h.metadata,
    esxVersion: h.esxVersion,
    state: h.state,
    capacity: h.capacity,
    usage: hostUsage(p, h),
    datastoreId: h.datastoreId,
    tags: h.tags,
  };
}

export function zoneView(z: Zone) {
  return { id: z.id, kind: "availability-zone", name: z.name, state: z.state, tags: z.tags };
}
