// `npm run test:mutation [-- <area>...]`: StrykerJS over each area of test/mutation/areas.mjs in turn (with none named,
// the areas with a recorded floor: the step `npm test` runs), incremental (only mutants in changed code, or reached by
// changed tests, are run again; the reports in test/mutation/ are kept in the repository). StrykerJS 10 needs Node.js
// 22 or later: the npm script runs this on the Lambda runtime's Node.js 24 (scripts/node/install-node24.sh,
// with-node24.sh). Runs at low priority, two workers (KAMAE_MUTATION_CONCURRENCY). Exits non-zero when an area scores
// under its floor (areas.mjs; KAMAE_MUTATION_BREAK overrides it). Options after the areas go to StrykerJS: `--force`
// re-tests every mutant (a full measure, no reuse), `--mutate <files>` limits a run to some files while you iterate.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { areas } from "../test/mutation/areas.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function node() {
  if (Number(process.versions.node.split(".")[0]) >= 22) return process.execPath;
  console.error(`StrykerJS needs Node.js 22 or later, this is ${process.version}: run it through \`npm run test:mutation\` (Node.js 24 from scripts/node/).`);
  process.exit(1);
}

const firstOption = process.argv.slice(2).findIndex((a) => a.startsWith("--"));
const chosen = firstOption < 0 ? process.argv.slice(2) : process.argv.slice(2, firstOption + 2);
const options = firstOption < 0 ? [] : process.argv.slice(firstOption + 2);
for (const name of chosen) if (!areas[name]) throw new Error(`unknown area ${name}: one of ${Object.keys(areas).join(", ")}`);
const runtime = node();
let failed = false;
for (const name of chosen.length > 0 ? chosen : Object.keys(areas).filter((a) => areas[a].floor !== undefined)) {
  console.log(`\n== mutation testing: ${name}`);
  const args = ["-n", "15", runtime, path.join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js"), "run", ...options];
  const run = spawnSync("nice", args, { cwd: root, stdio: "inherit", env: { ...process.env, KAMAE_MUTATION_AREA: name, KAMAE_PROPERTY_RUNS_SCALE: process.env.KAMAE_PROPERTY_RUNS_SCALE ?? "0.1", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "test", "mutation", "mocha-cli-cjs.cjs")}`.trim() } });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
