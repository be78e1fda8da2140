import { INTERNAL_INPUTS } from "../../../../provider/resources/props";
import { type PackageSchema, type PropertySpec, refName, shortName } from "../../../../scripts/schema/model";

/**
 * The inputs of each resource as plain shapes, read from schema.json, so the fuzz test follows the schema
 * (a new resource or property is fuzzed without touching the test).
 */
export type Shape =
  | { readonly kind: "string"; readonly values?: readonly string[] }
  | { readonly kind: "integer" | "number" | "boolean" }
  | { readonly kind: "array"; readonly items: Shape }
  | { readonly kind: "map"; readonly values: Shape }
  | ObjectShape;

export interface ObjectShape {
  readonly kind: "object";
  readonly properties: Readonly<Record<string, Shape>>;
  readonly required: readonly string[];
}

export interface ResourceShape {
  /** `Tenant`, `Host`, ...: the registry's key. */
  readonly type: string;
  readonly inputs: ObjectShape;
  /** Inputs the schema marks `secret`. */
  readonly secrets: readonly string[];
}

function shapeOf(schema: PackageSchema, spec: PropertySpec): Shape {
  if (spec.$ref) {
    const token = spec.$ref.replace(/^#\/types\//, "");
    const type = schema.types[token];
    if (!type) throw new Error(`schema.json: no type ${refName(spec.$ref)}`);
    if (type.type === "string") return { kind: "string", values: type.enum?.map((e) => e.value) };
    return objectShape(schema, type.properties ?? {}, type.required ?? []);
  }
  switch (spec.type) {
    case "array":
      return { kind: "array", items: shapeOf(schema, spec.items ?? { type: "string" }) };
    case "object":
      return { kind: "map", values: shapeOf(schema, spec.additionalProperties ?? { type: "string" }) };
    case "string":
    case "integer":
    case "number":
    case "boolean":
      return { kind: spec.type };
    default:
      throw new Error(`schema.json: a property without a type or $ref (${spec.description ?? "?"})`);
  }
}

function objectShape(
  schema: PackageSchema,
  properties: Readonly<Record<string, PropertySpec>>,
  required: readonly string[],
): ObjectShape {
  const shapes = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, shapeOf(schema, s)]));
  return { kind: "object", properties: shapes, required };
}

/**
 * Every resource's inputs: its `inputProperties` plus the inputs the SDK class adds (`identity`, typed as
 * the output of the same name says).
 */
export function resourceShapes(schema: PackageSchema): ResourceShape[] {
  return Object.entries(schema.resources).map(([token, resource]) => {
    const internal = Object.fromEntries(
      INTERNAL_INPUTS.map((k) => [k, resource.properties[k] ?? { type: "string" as const }]),
    );
    const inputs = objectShape(schema, { ...resource.inputProperties, ...internal }, resource.requiredInputs);
    const secrets = Object.entries(resource.inputProperties)
      .filter(([, s]) => s.secret === true)
      .map(([k]) => k);
    return { type: shortName(token), inputs, secrets };
  });
}
