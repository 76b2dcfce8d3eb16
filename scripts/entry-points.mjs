// Lambda entry points: `components/<capability>/lambda/<function-name>.handler.ts`, names unique across capabilities.
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";

export function findEntryPoints(root) {
  const componentsDir = join(root, "components");
  const entries = [];
  for (const capability of readdirSync(componentsDir).sort()) {
    const lambdaDir = join(componentsDir, capability, "lambda");
    if (!existsSync(lambdaDir) || !statSync(lambdaDir).isDirectory()) continue;
    for (const file of readdirSync(lambdaDir).sort()) {
      if (file.endsWith(".handler.ts")) entries.push({ name: basename(file, ".handler.ts"), path: join(lambdaDir, file) });
    }
  }
  const seen = new Map();
  for (const e of entries) {
    if (seen.has(e.name)) {
      throw new Error(`Two Lambda entry points are named "${e.name}": ${relative(root, seen.get(e.name))} and ${relative(root, e.path)}`);
    }
    seen.set(e.name, e.path);
  }
  return entries;
}
