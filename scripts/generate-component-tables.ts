// Regenerates the args and outputs tables of every component README from the inferred package schema (`npm run readme:tables`).
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { componentNames, inferSchema, readmeOf, root, withComponentTables } from "./component-tables";

const names = componentNames();
const schema = inferSchema(names);
const byReadme = new Map<string, string[]>();
for (const name of names) byReadme.set(readmeOf(name), [...(byReadme.get(readmeOf(name)) ?? []), name]);
for (const [file, components] of byReadme) {
  const before = readFileSync(file, "utf8");
  const after = withComponentTables(before, schema, components);
  if (after !== before) writeFileSync(file, after);
  console.log(`${relative(root, file)}: ${after === before ? "up to date" : "regenerated"}`);
}
