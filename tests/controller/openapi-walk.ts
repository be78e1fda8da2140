import * as fc from "fast-check";
import type { Api, Json } from "./helpers";
import type { Encoded } from "./raw-http";

/**
 * Reading /v1/openapi.json for the tests that walk every operation (write-walk, not-found-walk, api-fuzz):
 * the operations, their parameters and body schemas, minimal valid values built from a schema, and the
 * kind of object each path parameter names. Everything is derived from the document, so a new route is
 * walked without a change here, and a path parameter no table knows fails loudly.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The parts of JSON Schema the API's documents use. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  $ref?: string;
}

export interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: Method;
  /** The document's template, e.g. /v1/networks/{id}. */
  path: string;
  operationId: string;
  /** `security: []`: no token needed (token endpoint, auth info, availability). */
  open: boolean;
  pathParams: Parameter[];
  query: Parameter[];
  /** The main (JSON) schema, and the schema of every content type the operation takes. */
  body?: { contentTypes: string[]; schema: Schema; schemas: Record<string, Schema> };
  label: string;
}

/** The collection segment before a path parameter, and the object the tests put there. */
const COLLECTIONS = {
  tenants: "tenant",
  projects: "project",
  networks: "network",
  subnets: "subnet",
  services: "service",
  disks: "disk",
  vms: "vm",
  tasks: "task",
  hosts: "host",
  "storage-pools": "pool",
  datastores: "datastore",
  zones: "zone",
  flavors: "flavor",
  images: "image",
  users: "user",
} as const;
export type ObjectKey = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
/** Ids (usernames for `user`) of one object of every kind, as a caller would put them in a path. */
export type Ids = Record<ObjectKey, string>;

/** Inlines `#/components/schemas/...` references (the document may share schemas there). */
function deref(value: unknown, doc: Json, depth = 0): unknown {
  if (depth > 50 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => deref(v, doc, depth + 1));
  const ref = (value as Json)["$ref"];
  if (typeof ref === "string") {
    const target = ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((at, key) => (at as Json | undefined)?.[key], doc);
    return deref(target, doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deref(v, doc, depth + 1)]));
}

/** Every operation of the document, in the document's order. */
export async function loadOperations(api: Api): Promise<Operation[]> {
  const answer = await api.get("/v1/openapi.json");
  if (answer.status !== 200) throw new Error(`openapi.json answered ${answer.status}`);
  const doc = deref(answer.body, answer.body) as Json;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc["paths"] as Record<string, Record<string, Json>>)) {
    for (const [verb, op] of Object.entries(methods)) {
      const params = (op["parameters"] as Parameter[] | undefined) ?? [];
      const content = (op["requestBody"] as Json | undefined)?.["content"] as
        Record<string, { schema: Schema }> | undefined;
      const contentTypes = Object.keys(content ?? {});
      const main = contentTypes.find((c) => c.includes("json")) ?? contentTypes[0];
      const method = verb.toUpperCase() as Method;
      ops.push({
        method,
        path,
        operationId: String(op["operationId"]),
        open: Array.isArray(op["security"]) && op["security"].length === 0,
        pathParams: params.filter((p) => p.in === "path"),
        query: params.filter((p) => p.in === "query"),
        ...(content &&
          main && {
            body: {
              contentTypes,
              schema: content[main]?.schema ?? {},
              schemas: Object.fromEntries(contentTypes.map((c) => [c, content[c]?.schema ?? {}])),
            },
          }),
        label: `${method} ${path} (${String(op["operationId"])})`,
      });
    }
  }
  return ops;
}

/** The object a path parameter names, from the collection segment before it. */
export function paramObject(op: Operation, param: string): ObjectKey {
  const segments = op.path.split("/");
  const at = segments.indexOf(`{${param}}`);
  const collection = segments[at - 1] ?? "";
  const key = (COLLECTIONS as Record<string, ObjectKey>)[collection];
  if (!key) throw new Error(`${op.label}: path parameter ${param} after "${collection}" is not classified`);
  return key;
}

/** The operation's path with each parameter replaced by `value(object, name)`, sent as given. */
export function fillPath(op: Operation, value: (key: ObjectKey, param: string) => string): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => value(paramObject(op, name), name));
}

export function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ["object"];
  return [];
}

export function allowsNull(schema: Schema): boolean {
  return schema.nullable === true || types(schema).includes("null") || (schema.enum ?? []).includes(null);
}

/** Strings tried, in order, for a string schema: readable, and fitting the API's usual patterns. */
const STRING_CANDIDATES = ["walk1", "10.1.2.3", "10.1.0.0/24", "walk\\group", "a", "x1"];
const FORMAT_VALUES: Record<string, string> = {
  ipv4: "10.1.2.3",
  ipv6: "fd00::1",
  uri: "https://example.com/",
  email: "walk@example.com",
  "date-time": "2020-01-01T00:00:00Z",
  uuid: "00000000-0000-4000-8000-000000000000",
};

export function fitsString(schema: Schema, s: string): boolean {
  if (schema.minLength !== undefined && s.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && s.length > schema.maxLength) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern, "u").test(s);
}

function minimalString(schema: Schema): string {
  const formatted = schema.format ? FORMAT_VALUES[schema.format] : undefined;
  if (formatted !== undefined) return formatted;
  const padded = "a".repeat(schema.minLength ?? 1);
  const found = [...STRING_CANDIDATES, padded].find((s) => fitsString(schema, s));
  if (found !== undefined) return found;
  // An unusual pattern: let fast-check build a match (seeded, so the value is always the same).
  const matches = fc.sample(fc.stringMatching(new RegExp(schema.pattern ?? ".*", "u")), {
    seed: 7,
    numRuns: 50,
  });
  return matches.find((s) => fitsString(schema, s)) ?? padded;
}

function minimalNumber(schema: Schema, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  let n = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : 0);
  if (integer) n = Math.ceil(n);
  if (schema.maximum !== undefined && n > schema.maximum) n = schema.maximum;
  return n;
}

/** The smallest value a schema accepts: required properties only, lower bounds, first enum value. */
export function minimalValue(schema: Schema): unknown {
  if ("const" in schema) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (branch) return minimalValue(branch);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => minimalValue(s) as Json)) as Json;
  const type = types(schema).find((t) => t !== "null") ?? "string";
  switch (type) {
    case "object": {
      const out: Json = {};
      for (const name of schema.required ?? []) {
        const own = schema.properties?.[name];
        const extra = typeof schema.additionalProperties === "object" ? schema.additionalProperties : {};
        out[name] = minimalValue(own ?? extra);
      }
      return out;
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalValue(schema.items ?? {}));
    case "integer":
      return minimalNumber(schema, true);
    case "number":
      return minimalNumber(schema, false);
    case "boolean":
      return false;
    default:
      return minimalString(schema);
  }
}

export interface ObjectSchemaAt {
  at: string;
  schema: Schema;
}

/** Every object schema reachable from `schema` (properties, items, maps, combinators), with its path. */
export function objectSchemas(schema: Schema, at: string, out: ObjectSchemaAt[] = []): ObjectSchemaAt[] {
  if (types(schema).includes("object")) out.push({ at, schema });
  for (const [name, s] of Object.entries(schema.properties ?? {})) objectSchemas(s, `${at}.${name}`, out);
  for (const [re, s] of Object.entries(schema.patternProperties ?? {}))
    objectSchemas(s, `${at}[/${re}/]`, out);
  if (typeof schema.additionalProperties === "object")
    objectSchemas(schema.additionalProperties, `${at}.*`, out);
  if (schema.items) objectSchemas(schema.items, `${at}[]`, out);
  for (const [k, list] of [
    ["oneOf", schema.oneOf],
    ["anyOf", schema.anyOf],
    ["allOf", schema.allOf],
  ] as const)
    (list ?? []).forEach((s, i) => objectSchemas(s, `${at}(${k}${i})`, out));
  return out;
}

/** The content type a test sends a body as: JSON when the operation takes it. */
function jsonType(op: Operation): string {
  return op.body?.contentTypes.find((c) => c === "application/json") ?? op.body?.contentTypes[0] ?? "";
}

export function formEncode(body: unknown): string {
  const entries = Object.entries((body ?? {}) as Json).map(([k, v]): [string, string] => [
    k,
    typeof v === "string" ? v : (JSON.stringify(v) ?? ""),
  ]);
  return new URLSearchParams(entries).toString();
}

/** A body in the operation's main content type (JSON, unless it takes only forms). */
export function encodeBody(op: Operation, body: unknown): Encoded {
  const contentType = jsonType(op);
  if (contentType === "application/x-www-form-urlencoded") return { contentType, text: formEncode(body) };
  return { contentType, text: JSON.stringify(body) };
}
