// Builds the library (tsc) and one minified, self-contained bundle per Lambda entry point.
// Entry points are `components/<capability>/lambda/<function-name>.handler.ts`; each becomes
// `dist/functions/<function-name>/index.js` (+ `.map`). The bundles carry their own AWS SDK v3 so behaviour does not
// drift with the runtime's copy, and they are deterministic: same source, same bytes (no timestamps, sorted inputs,
// relative source-map paths).
import { build } from "esbuild";
import yaml from "js-yaml";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { builtFrom, inputsHash, stampOf } from "./build-stamp.mjs";
import { bundleOptions } from "./bundle-options.mjs";
import { findEntryPoints } from "./entry-points.mjs";
import { makeSelfContainedPack } from "./self-contained-pack.mjs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const functionsOnly = process.argv.includes("--functions-only");
// `--only a,b` rebuilds just those bundles and leaves the others in place (quick iteration on one function).
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(",")) : undefined;
// `--out DIR` writes the bundles elsewhere (the determinism test builds twice and compares bytes).
const outArg = process.argv.indexOf("--out");
const outRoot = outArg > 0 ? process.argv[outArg + 1] : join(root, "dist", "functions");

async function bundleFunctions() {
  if (!only) rmSync(outRoot, { recursive: true, force: true });
  const entries = findEntryPoints(root).filter((e) => !only || only.has(e.name));
  for (const entry of entries) {
    const outdir = join(outRoot, entry.name);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    await build(bundleOptions(root, entry, join(outdir, "index.js")));
    // esbuild writes source paths relative to the output directory; relative to the package root they are the same
    // wherever the bundle is written, so the map is byte-identical across checkouts and output directories.
    const mapFile = join(outdir, "index.js.map");
    const map = JSON.parse(readFileSync(mapFile, "utf8"));
    map.sources = map.sources.map((source) => relative(root, resolve(outdir, source)).split("\\").join("/"));
    writeFileSync(mapFile, JSON.stringify(map));
  }
  console.log(`bundled ${entries.length} function(s) into ${relative(root, outRoot)}/`);
}

const hash = only ? undefined : inputsHash(root);
const library = join(root, "dist", "components");
if (hash !== undefined && builtFrom(outRoot, hash) && (functionsOnly || builtFrom(library, hash)) && !process.argv.includes("--force")) {
  console.log(`build: inputs unchanged since ${relative(root, functionsOnly ? outRoot : join(root, "dist"))}/ was built, kept (--force rebuilds)`);
  process.exit(0);
}
if (hash !== undefined) rmSync(stampOf(outRoot), { force: true });

if (!functionsOnly) {
  rmSync(join(root, "dist"), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  // The compiled pack must run and publish from its own folder (`pulumi preview --policy-pack node_modules/kamae/dist/policies`,
  // `pulumi policy publish`): the engine reads PulumiPolicy.yaml there, PolicyPack reads package.json there, and
  // publishing ships that folder alone.
  const { name, version } = JSON.parse(readFileSync(join(root, "policies", "package.json"), "utf8"));
  const { description } = yaml.load(readFileSync(join(root, "policies", "PulumiPolicy.yaml"), "utf8"));
  copyFileSync(join(root, "policies", "PulumiPolicy.yaml"), join(root, "dist", "policies", "PulumiPolicy.yaml"));
  makeSelfContainedPack(join(root, "dist"), join(root, "package-lock.json"), { name, version, description });
}
await bundleFunctions();
// Stamped once complete: an interrupted build is redone.
if (hash !== undefined) {
  writeFileSync(stampOf(outRoot), hash);
  if (!functionsOnly) writeFileSync(stampOf(library), hash);
}
