import {
  dynamicToken,
  type PackageSchema,
  type PropertySpec,
  refName,
  type ResourceSpec,
  shortName,
} from "./model";

const HEADER = "<!-- Generated from schema.json by `npm run gen`. Do not edit. -->\n\n";

function typeText(p: PropertySpec): string {
  if (p.$ref) return `[${refName(p.$ref)}](types.md#${refName(p.$ref).toLowerCase()})`;
  if (p.type === "array") return `${typeText(p.items ?? {})}[]`;
  if (p.type === "object") return `map of ${typeText(p.additionalProperties ?? {})}`;
  return p.type ?? "any";
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function row(name: string, p: PropertySpec, required: boolean): string {
  const notes = [
    required ? "required" : "",
    p.willReplaceOnChanges ? "**replaces**" : "",
    p.secret ? "secret" : "",
    p.default !== undefined ? `default \`${JSON.stringify(p.default)}\`` : "",
  ].filter((n) => n !== "");
  return `| \`${name}\` | ${typeText(p)} | ${notes.join(", ")} | ${cell(p.description ?? "")} |\n`;
}

function table(props: Readonly<Record<string, PropertySpec>>, required: readonly string[]): string {
  let out = "| Property | Type | Notes | Description |\n|---|---|---|---|\n";
  for (const [k, p] of Object.entries(props)) out += row(k, p, required.includes(k));
  return out;
}

export function resourcePage(token: string, r: ResourceSpec): string {
  const name = shortName(token);
  const outputsOnly = Object.fromEntries(
    Object.entries(r.properties).filter(([k]) => !(k in r.inputProperties)),
  );
  return (
    `${HEADER}# ${name}\n\n${r.description}\n\nType token: \`${dynamicToken(token)}\` (\`photon.${name}.__pulumiType\`).\n\n` +
    `## Inputs\n\n${table(r.inputProperties, r.requiredInputs)}\n## Outputs\n\nAll inputs, plus:\n\n${table(outputsOnly, r.required)}`
  );
}

export function typesPage(schema: PackageSchema): string {
  let out = `${HEADER}# Types\n\n`;
  for (const [token, t] of Object.entries(schema.types)) {
    out += `## ${shortName(token)}\n\n${t.description ?? ""}\n\n`;
    if (t.enum) out += `One of ${t.enum.map((e) => `\`${e.value}\``).join(", ")}.\n\n`;
    else out += table(t.properties ?? {}, t.required ?? []) + "\n";
  }
  return out.replace(/\n+$/, "\n");
}

export function indexPage(schema: PackageSchema): string {
  let out = `${HEADER}# pulumi-photon reference\n\n${schema.description}\n\n## Provider configuration\n\n`;
  out += table(schema.config.variables, []) + "\n## Resources\n\n";
  for (const [token, r] of Object.entries(schema.resources))
    out += `- [${shortName(token)}](${shortName(token)}.md): ${r.description}\n`;
  return out + "\nShared types are in [types.md](types.md).\n";
}

/** Every generated reference page by its path under docs/reference/. */
export function referencePages(schema: PackageSchema): Record<string, string> {
  const pages: Record<string, string> = { "README.md": indexPage(schema), "types.md": typesPage(schema) };
  for (const [token, r] of Object.entries(schema.resources))
    pages[`${shortName(token)}.md`] = resourcePage(token, r);
  return pages;
}
