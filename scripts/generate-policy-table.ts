// Regenerates the catalog table in policies/README.md from policies/catalog.ts (`npm run policies:table`).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withCatalogTable } from "../policies/catalog-table";

const file = join(__dirname, "..", "policies", "README.md");
const before = readFileSync(file, "utf8");
const after = withCatalogTable(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? "policies/README.md is up to date" : "policies/README.md catalog table regenerated");
