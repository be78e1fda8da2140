/** The subset of the Pulumi package schema format that schema.json uses. */

export interface PropertySpec {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  readonly $ref?: string;
  readonly items?: PropertySpec;
  readonly additionalProperties?: PropertySpec;
  readonly description?: string;
  readonly secret?: boolean;
  readonly willReplaceOnChanges?: boolean;
  readonly default?: unknown;
}

export interface TypeSpec {
  readonly type: "string" | "object";
  readonly description?: string;
  readonly enum?: ReadonlyArray<{ readonly value: string }>;
  readonly properties?: Readonly<Record<string, PropertySpec>>;
  readonly required?: readonly string[];
}

export interface ResourceSpec {
  readonly description: string;
  readonly inputProperties: Readonly<Record<string, PropertySpec>>;
  readonly requiredInputs: readonly string[];
  readonly properties: Readonly<Record<string, PropertySpec>>;
  readonly required: readonly string[];
}

export interface PackageSchema {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly config: { readonly variables: Readonly<Record<string, PropertySpec>> };
  readonly types: Readonly<Record<string, TypeSpec>>;
  readonly resources: Readonly<Record<string, ResourceSpec>>;
}

/** `photon:index:Tenant` -> `Tenant`. */
export function shortName(token: string): string {
  const name = token.split(":").pop();
  if (!name) throw new Error(`bad schema token ${token}`);
  return name;
}

/** The engine's type token of a dynamic resource: `pulumi-nodejs:dynamic/photon:Tenant`. */
export function dynamicToken(token: string): string {
  return `pulumi-nodejs:dynamic/photon:${shortName(token)}`;
}

export function refName(ref: string): string {
  return shortName(ref.replace(/^#\/types\//, ""));
}
