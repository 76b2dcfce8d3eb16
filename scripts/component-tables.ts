/**
 * The args and outputs tables of each component README, rendered from the package schema Pulumi infers for
 * `pulumi package add` (regenerate: `npm run readme:tables`; a test checks), so the JSDoc is their only source.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema, type PackageSpec, type Property, type Type } from "@pulumi/pulumi/provider/experimental/schema";
import * as kamae from "../components";

export const root = join(__dirname, "..");
const TOKEN = "kamae:index:";

export const tableStart = (component: string) =>
  `<!-- schema:${component}:start (generated from the package schema by \`npm run readme:tables\`; do not edit) -->`;
export const tableEnd = (component: string) => `<!-- schema:${component}:end -->`;

/** The exported component classes, as the plugin host finds them. */
export function componentNames(): string[] {
  return getPulumiComponents(kamae).map((c) => c.name).sort();
}

/** The package's inferred schema, as `pulumi package add` builds it: Pulumi's analyzer, entry found from package.json. */
export function inferSchema(names: string[] = componentNames()): PackageSpec {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string; description: string };
  const { components, typeDefinitions, dependencies } = new Analyzer(root, pkg.name, pkg, new Set(names)).analyze();
  return generateSchema(pkg.name, pkg.version, pkg.description, components, typeDefinitions, dependencies);
}

/** The README of the capability folder that declares the component class. */
export function readmeOf(component: string): string {
  const declares = new RegExp(`^export class ${component} extends `, "m");
  const folders = readdirSync(join(root, "components"), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "shared");
  for (const folder of folders) {
    const dir = join(root, "components", folder.name);
    if (readdirSync(dir).some((f) => f.endsWith(".ts") && declares.test(readFileSync(join(dir, f), "utf8")))) return join(dir, "README.md");
  }
  throw new Error(`no components/<capability>/*.ts declares ${component}`);
}

const cell = (s: string | undefined) => (s ?? "").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ").trim();
const typeName = (ref: string) => decodeURIComponent(ref.replace(/^.*#\/(types|resources)\//, "")).replace(TOKEN, "");

/** How a property's type reads in TypeScript; `Input<…>` where an output of another resource is accepted. */
function typeText(schema: PackageSpec, prop: Type, input: boolean): string {
  let text: string;
  if ("$ref" in prop) {
    const enumType = prop.$ref.startsWith("#/types/") ? schema.types[prop.$ref.slice("#/types/".length)] : undefined;
    text = enumType?.enum ? enumType.enum.map((e) => JSON.stringify(e.value)).join(" \\| ") : typeName(prop.$ref);
  } else if (prop.type === "array") {
    const item = typeText(schema, prop.items!, input);
    text = item.includes(" \\| ") && !item.startsWith("Input<") ? `(${item})[]` : `${item}[]`;
  } else if (prop.type === "object" && prop.additionalProperties) text = `Record<string, ${typeText(schema, prop.additionalProperties, input)}>`;
  else text = prop.type === "integer" ? "number" : prop.type;
  return input && !prop.plain ? `Input<${text}>` : text;
}

/** Object types a table refers to, in order of first use, and those they refer to in turn. */
function objectTypes(schema: PackageSpec, props: Record<string, Property>, found: string[] = []): string[] {
  const refs = (p: Type): string[] =>
    "$ref" in p ? [p.$ref] : [...(p.items ? refs(p.items) : []), ...(p.additionalProperties ? refs(p.additionalProperties) : [])];
  for (const ref of Object.values(props).flatMap(refs)) {
    if (!ref.startsWith(`#/types/${TOKEN}`)) continue;
    const token = ref.slice("#/types/".length);
    const type = schema.types[token];
    if (type.enum || found.includes(token)) continue;
    found.push(token);
    objectTypes(schema, type.properties ?? {}, found);
  }
  return found;
}

function table(schema: PackageSpec, head: string, props: Record<string, Property>, required: string[], input: boolean): string {
  const rows = Object.entries(props).map(([name, prop]) => {
    const marks = input && required.includes(name) ? ", required" : !input && !required.includes(name) ? ", may be undefined" : "";
    return `| \`${name}\` | \`${typeText(schema, prop, input)}\`${marks} | ${cell(prop.description)} |`;
  });
  return [`| ${head} | type | meaning |`, "|---|---|---|", ...rows].join("\n");
}

/** The generated args and outputs of one component, Markdown. */
export function renderComponentTables(schema: PackageSpec, component: string): string {
  const resource = schema.resources[`${TOKEN}${component}`];
  if (!resource) throw new Error(`the schema has no component ${component}`);
  const inputs = resource.inputProperties ?? {};
  const parts = [table(schema, "arg", inputs, resource.requiredInputs ?? [], true)];
  for (const token of objectTypes(schema, inputs)) {
    const type = schema.types[token];
    const description = type.description ? ` ${cell(type.description)}` : "";
    parts.push(`\`${token.replace(TOKEN, "")}\`:${description}\n\n${table(schema, "field", type.properties ?? {}, type.required ?? [], true)}`);
  }
  parts.push(`Outputs:\n\n${table(schema, "output", resource.properties ?? {}, resource.required ?? [], false)}`);
  return parts.join("\n\n");
}

/** The README text with each component's block between its markers replaced by the current tables. */
export function withComponentTables(readme: string, schema: PackageSpec, components: string[]): string {
  let text = readme;
  for (const component of components) {
    const start = text.indexOf(tableStart(component));
    const end = text.indexOf(tableEnd(component));
    if (start < 0 || end < start) throw new Error(`the README of ${component} lacks its schema table markers`);
    text = `${text.slice(0, start + tableStart(component).length)}\n${renderComponentTables(schema, component)}\n${text.slice(end)}`;
  }
  return text;
}
