/**
 * `selfLink`: the absolute URL of an entity, as tasks carry it (tasks/view.ts) and the Photon entities
 * did (Tenant, Host, Flavor, Image, VM, disk in the Go SDK). It is added where an entity leaves the API
 * (getRoute, listRoute, listReply), from the route's own path, so that no view has to know its URL and
 * none can forget it (decision 0107).
 */

/** Where the items of a list live: a top-level list's own path, a nested one's `/v1/<last segment>`. */
export function itemCollection(listUrl: string): string {
  if (!listUrl.includes("/:")) return listUrl;
  return `/v1/${listUrl.slice(listUrl.lastIndexOf("/") + 1)}`;
}

/** The collection path of an entity route (`/v1/tenants/:id` -> `/v1/tenants`); undefined for others. */
export function entityCollection(getUrl: string): string | undefined {
  return getUrl.endsWith("/:id") && !getUrl.slice(0, -4).includes("/:") ? getUrl.slice(0, -4) : undefined;
}

/**
 * The body with `selfLink` after its `id` and `kind`, when it is an entity (an object with a string id);
 * anything else (a quota, a kubeconfig) is answered as it is.
 */
export function withSelfLink(body: unknown, baseUrl: string, collection: string): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const { id, kind, ...rest } = body as Record<string, unknown>;
  if (typeof id !== "string") return body;
  const selfLink = `${baseUrl}${collection}/${encodeURIComponent(id)}`;
  return kind === undefined ? { id, selfLink, ...rest } : { id, kind, selfLink, ...rest };
}

/**
 * What the OpenAPI document says of every entity: its id, kind and selfLink, other properties open
 * (each view keeps its own fields). Nothing is `required`: the serializer would answer 500 for a body
 * without it, and every property is kept (additionalProperties).
 */
export const entityResponse = {
  type: "object",
  properties: {
    id: { type: "string" },
    kind: { type: "string" },
    selfLink: { type: "string", format: "uri" },
  },
  additionalProperties: true,
};

/** A page of entities, as every list answers it. */
export const pageResponse = {
  type: "object",
  properties: {
    items: { type: "array", items: entityResponse },
    nextPageLink: { type: ["string", "null"] },
    previousPageLink: { type: ["string", "null"] },
  },
  additionalProperties: false,
};
