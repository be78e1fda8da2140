import { CIDR_PATTERN } from "../../rules/cidr";
import { GROUP_PATTERN, NAME_MAX_LENGTH, NAME_PATTERN } from "../../rules/names";
import { QUOTA_UNITS } from "../../rules/quota";
import { PORT_PATTERN } from "../../rules/security-policy";
import type { JsonSchema } from "./route";

/**
 * Schema fragments shared by the routes. The patterns are the rules' (rules/), so the OpenAPI document
 * states them, and a failure of one is worded by its rule (`ruleWords` in failures.ts).
 */
export const nameSchema: JsonSchema = {
  type: "string",
  minLength: 1,
  maxLength: NAME_MAX_LENGTH,
  pattern: NAME_PATTERN,
};
export const groupsSchema: JsonSchema = { type: "array", items: { type: "string", pattern: GROUP_PATTERN } };
export const cidrSchema: JsonSchema = { type: "string", pattern: CIDR_PATTERN };
export const portSchema: JsonSchema = { type: "string", pattern: PORT_PATTERN };
export const stringArray: JsonSchema = { type: "array", items: { type: "string" } };
export const tagsSchema: JsonSchema = {
  type: "array",
  items: { type: "string", minLength: 1, maxLength: 255 },
};
export const stringMap: JsonSchema = { type: "object", additionalProperties: { type: "string" } };

export function idParams(...names: string[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const n of names) properties[n] = { type: "string", minLength: 1 };
  return object(properties, names);
}

/**
 * An object of exactly these properties: a body that carries any other (an id, an owner, a state) is
 * refused, so a write can only ever change what its schema declares.
 */
export function object(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: "object", properties, required, additionalProperties: false };
}

/** One quota item: `required` says whether limit and unit must be given (a DELETE names keys only). */
export function quotaItemSchema(required: boolean): JsonSchema {
  return object(
    {
      limit: { type: "number", minimum: 0 },
      usage: { type: "number" },
      unit: { type: "string", enum: [...QUOTA_UNITS] },
    },
    required ? ["limit", "unit"] : [],
  );
}

export const quotaItemsSchema: JsonSchema = { type: "object", additionalProperties: quotaItemSchema(true) };
export const quotaSchema: JsonSchema = object({ quotaItems: quotaItemsSchema }, ["quotaItems"]);

/**
 * The body of a quota PUT, PATCH or DELETE: `{"quotaItems": {key: item}}` or the bare map `{key: item}`
 * the Photon clients sent. Every value is checked as an item either way; the key names are the rules'
 * (checked by the route, which words them like the provider's `check`).
 */
export function quotaWriteBody(item: JsonSchema): JsonSchema {
  return {
    type: "object",
    properties: { quotaItems: { type: "object", additionalProperties: item } },
    additionalProperties: item,
  };
}

/** Query of every list: pagination, exact name, tags that must all be present. */
export const listQuery: JsonSchema = object({
  pageSize: { type: "integer" },
  pageLink: { type: "string" },
  name: { type: "string" },
  tag: { type: "array", items: { type: "string" } },
});

export function listQueryWith(extra: Record<string, JsonSchema>): JsonSchema {
  return object({ ...(listQuery.properties as Record<string, JsonSchema>), ...extra });
}
