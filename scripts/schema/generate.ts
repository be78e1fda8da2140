import * as fs from "fs";
import * as path from "path";
import { generateProviderTypes, generateSdkClasses, generateSdkTypes } from "./codegen";
import { referencePages } from "./docs";
import { type PackageSchema } from "./model";

/** Every file generated from schema.json, by its path relative to the repository root. */
export function generatedFiles(schema: PackageSchema): Record<string, string> {
  const files: Record<string, string> = {
    "provider/generated/schema.ts": generateProviderTypes(schema),
    "sdk/generated.ts": generateSdkTypes(schema),
    "sdk/resources.generated.ts": generateSdkClasses(schema),
  };
  for (const [page, text] of Object.entries(referencePages(schema))) files[`docs/reference/${page}`] = text;
  return files;
}

export function readSchema(root: string): PackageSchema {
  return JSON.parse(fs.readFileSync(path.join(root, "schema.json"), "utf8")) as PackageSchema;
}

/** The generated files formatted as the repository's prettier settings say (what is committed). */
export async function formattedFiles(root: string): Promise<Record<string, string>> {
  const prettier = await import("prettier");
  const files = generatedFiles(readSchema(root));
  for (const [file, text] of Object.entries(files)) {
    if (!file.endsWith(".ts")) continue;
    const options = (await prettier.resolveConfig(path.join(root, file))) ?? {};
    files[file] = await prettier.format(text, { ...options, filepath: path.join(root, file) });
  }
  return files;
}

/** `npm run gen`: rewrites the generated files. */
export async function main(root: string): Promise<void> {
  for (const [file, text] of Object.entries(await formattedFiles(root))) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) {
  main(process.argv[2] ?? process.cwd()).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
