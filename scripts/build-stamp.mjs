// CI builds twice (npm ci's `prepare`, then `npm test`) and test:integration bundles again: a build whose inputs are
// byte-identical to the last complete one's, with its outputs in place, is skipped. The stamp is the hash of every
// file the build reads from the repository (the lock file stands for node_modules).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const INPUT_DIRS = ["components", "policies", "cli"];
const INPUT_FILES = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs", "scripts/bundle-options.mjs", "scripts/build-stamp.mjs", "scripts/entry-points.mjs", "scripts/self-contained-pack.mjs"];

/** The hash of the build's inputs under `root`: paths and contents, in a fixed order. */
export function inputsHash(root) {
  const hash = createHash("sha256");
  const add = (file) => hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update("\0");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) add(path);
    }
  };
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const file of INPUT_FILES) if (existsSync(join(root, file))) add(join(root, file));
  return hash.digest("hex");
}

/** The stamp of an output folder: a file beside it, so the folder holds the build's outputs only. */
export const stampOf = (dir) => `${dir}.build-inputs`;

/** Whether `dir` exists and was last built from inputs with this hash. */
export const builtFrom = (dir, hash) => existsSync(dir) && existsSync(stampOf(dir)) && readFileSync(stampOf(dir), "utf8") === hash;
