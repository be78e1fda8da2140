import {
  dynamicToken,
  type PackageSchema,
  type PropertySpec,
  refName,
  type ResourceSpec,
  shortName,
  type TypeSpec,
} from "./model";

const HEADER = "// Generated from schema.json by `npm run gen`. Do not edit.\n";

type Flavor = "plain" | "input";

/** The TypeScript type of a schema property, plain or wrapped in `pulumi.Input`. */
export function tsType(p: PropertySpec, flavor: Flavor): string {
  const wrap = (t: string) => (flavor === "input" ? `pulumi.Input<${t}>` : t);
  if (p.$ref)
    return wrap(flavor === "input" && isObjectRef(p.$ref) ? `${refName(p.$ref)}Args` : refName(p.$ref));
  switch (p.type) {
    case "integer":
    case "number":
      return wrap("number");
    case "string":
    case "boolean":
      return wrap(p.type);
    case "array":
      return wrap(`${tsType(p.items ?? {}, flavor)}[]`);
    case "object":
      return wrap(`Record<string, ${tsType(p.additionalProperties ?? {}, flavor)}>`);
    default:
      return wrap("unknown");
  }
}

let objectRefs = new Set<string>();
function isObjectRef(ref: string): boolean {
  return objectRefs.has(refName(ref));
}

function doc(text: string | undefined, indent: string): string {
  return text ? `${indent}/** ${text.replace(/\*\//g, "*\\/")} */\n` : "";
}

function fields(
  props: Readonly<Record<string, PropertySpec>>,
  required: readonly string[],
  flavor: Flavor,
): string {
  return Object.entries(props)
    .map(
      ([k, p]) =>
        `${doc(p.description, "  ")}  readonly ${k}${required.includes(k) ? "" : "?"}: ${tsType(p, flavor)};\n`,
    )
    .join("");
}

/** `SecurityRule` -> `SECURITY_RULE`. */
function constName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

function typeDecl(name: string, t: TypeSpec, flavor: Flavor): string {
  if (t.enum) {
    if (flavor === "input") return "";
    const values = t.enum.map((e) => JSON.stringify(e.value)).join(", ");
    const list = `${constName(name)}_VALUES`;
    return `${doc(t.description, "")}export const ${list} = [${values}] as const;\nexport type ${name} = (typeof ${list})[number];\n\n`;
  }
  const suffix = flavor === "input" ? "Args" : "";
  const decl = `${doc(t.description, "")}export interface ${name}${suffix} {\n${fields(t.properties ?? {}, t.required ?? [], flavor)}}\n\n`;
  if (flavor === "input") return decl;
  // The field names at run time, so that check can refuse fields the type does not declare.
  const names = JSON.stringify(Object.keys(t.properties ?? {}));
  return `${decl}/** The fields of {@link ${name}}. */\nexport const ${constName(name)}_FIELDS = ${names} as const;\n\n`;
}

function resourceMeta(r: ResourceSpec): string {
  const inputs = Object.keys(r.inputProperties);
  const pick = (f: (p: PropertySpec) => boolean) =>
    JSON.stringify(Object.keys(r.properties).filter((k) => f(r.properties[k] ?? {})));
  const defaults: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(r.inputProperties))
    if (p.default !== undefined) defaults[k] = p.default;
  return [
    `    inputs: ${JSON.stringify(inputs)},`,
    `    requiredInputs: ${JSON.stringify(r.requiredInputs)},`,
    `    outputs: ${JSON.stringify(Object.keys(r.properties))},`,
    `    replaceOnChanges: ${JSON.stringify(inputs.filter((k) => r.inputProperties[k]?.willReplaceOnChanges))},`,
    `    secrets: ${pick((p) => p.secret === true)},`,
    `    defaults: ${JSON.stringify(defaults)},`,
  ].join("\n");
}

/** provider/generated/schema.ts: plain types, enum values and per-resource metadata. */
export function generateProviderTypes(schema: PackageSchema): string {
  objectRefs = new Set(
    Object.entries(schema.types)
      .filter(([, t]) => !t.enum)
      .map(([k]) => shortName(k)),
  );
  let out = HEADER + "\n";
  for (const [token, t] of Object.entries(schema.types)) out += typeDecl(shortName(token), t, "plain");
  for (const [token, r] of Object.entries(schema.resources)) {
    const name = shortName(token);
    out += `/** Inputs of ${name}. ${r.description} */\nexport interface ${name}Inputs {\n${fields(r.inputProperties, r.requiredInputs, "plain")}}\n\n`;
    out += `/** State (outputs) of ${name}. */\nexport interface ${name}Outputs {\n${fields(r.properties, r.required, "plain")}}\n\n`;
  }
  const names = Object.keys(schema.resources).map(shortName);
  out += `export const RESOURCE_TYPES = ${JSON.stringify(names)} as const;\nexport type ResourceType = (typeof RESOURCE_TYPES)[number];\n\n`;
  out +=
    "export interface ResourceMeta {\n  readonly token: string;\n  readonly dynamicToken: string;\n  readonly inputs: readonly string[];\n  readonly requiredInputs: readonly string[];\n  readonly outputs: readonly string[];\n  readonly replaceOnChanges: readonly string[];\n  readonly secrets: readonly string[];\n  readonly defaults: Readonly<Record<string, unknown>>;\n}\n\n";
  out += "export const RESOURCE_META: Record<ResourceType, ResourceMeta> = {\n";
  for (const [token, r] of Object.entries(schema.resources)) {
    out += `  ${shortName(token)}: {\n    token: ${JSON.stringify(token)},\n    dynamicToken: ${JSON.stringify(dynamicToken(token))},\n${resourceMeta(r)}\n  },\n`;
  }
  return out + "};\n";
}

/** sdk/generated.ts: the `pulumi.Input` flavour of every input type, for the resource classes. */
export function generateSdkTypes(schema: PackageSchema): string {
  objectRefs = new Set(
    Object.entries(schema.types)
      .filter(([, t]) => !t.enum)
      .map(([k]) => shortName(k)),
  );
  const enums = Object.entries(schema.types)
    .filter(([, t]) => t.enum)
    .map(([k]) => shortName(k));
  let out = `${HEADER}import type * as pulumi from "@pulumi/pulumi";\nimport type { ${enums.join(", ")} } from "../provider/generated/schema";\n\n`;
  for (const [token, t] of Object.entries(schema.types)) out += typeDecl(shortName(token), t, "input");
  for (const [token, r] of Object.entries(schema.resources)) {
    const name = shortName(token);
    out += `/** Arguments of ${name}. ${r.description} */\nexport interface ${name}Args {\n${fields(r.inputProperties, r.requiredInputs, "input")}}\n\n`;
  }
  return out.replace(/\n+$/, "\n");
}

function classDecl(token: string, r: ResourceSpec): string {
  const name = shortName(token);
  const argsOptional = r.requiredInputs.length === 0 ? " = {}" : "";
  const outputs = Object.entries(r.properties)
    .map(([k, p]) => {
      const t = tsType(p, "plain");
      return `${doc(p.description, "  ")}  declare readonly ${k}: pulumi.Output<${r.required.includes(k) ? t : `${t} | undefined`}>;\n`;
    })
    .join("");
  return (
    `${doc(r.description, "")}export class ${name} extends PhotonResource {\n` +
    `  /** The engine's type token; policy packs match resources through it. */\n` +
    `  static readonly __pulumiType = ${JSON.stringify(dynamicToken(token))};\n\n` +
    `  static isInstance(obj: unknown): obj is ${name} {\n    return obj instanceof ${name};\n  }\n\n` +
    outputs +
    `\n  constructor(name: string, args: ${name}Args${argsOptional}, opts: pulumi.CustomResourceOptions = {}) {\n` +
    `    super(${JSON.stringify(name)}, name, resourceInputs(${JSON.stringify(name)}, name, args, opts), resourceOptions(${JSON.stringify(name)}, opts));\n` +
    `  }\n}\n\n`
  );
}

/** sdk/resources.generated.ts: one class per resource, its outputs declared from the schema. */
export function generateSdkClasses(schema: PackageSchema): string {
  objectRefs = new Set(
    Object.entries(schema.types)
      .filter(([, t]) => !t.enum)
      .map(([k]) => shortName(k)),
  );
  const names = Object.keys(schema.resources).map(shortName);
  let body = "";
  for (const [token, r] of Object.entries(schema.resources)) body += classDecl(token, r);
  const types = Object.keys(schema.types)
    .map(shortName)
    .filter((t) => new RegExp(`\\b${t}\\b`).test(body));
  let out = `${HEADER}import type * as pulumi from "@pulumi/pulumi";\n`;
  out += `import type { ${types.join(", ")} } from "../provider/generated/schema";\n`;
  out += `import type { ${names.map((n) => `${n}Args`).join(", ")} } from "./generated";\n`;
  out += `import { resourceInputs, resourceOptions } from "./inputs";\nimport { PhotonResource } from "./stub";\n\n`;
  return (out + body).replace(/\n+$/, "\n");
}
