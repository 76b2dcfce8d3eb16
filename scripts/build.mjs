// Builds the library (tsc) and one minified, self-contained bundle per Lambda entry point.
// Entry points are `components/<capability>/lambda/<function-name>.handler.ts`; each becomes
// `dist/functions/<function-name>/index.js` (+ `.map`). The bundles carry their own AWS SDK v3 so behaviour does not
// drift with the runtime's copy, and they are deterministic: same source, same bytes (no timestamps, sorted inputs,
// relative source-map paths).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const functionsOnly = process.argv.includes("--functions-only");
// `--only a,b` rebuilds just those bundles and leaves the others in place (quick iteration on one function).
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(",")) : undefined;

/** The Node.js version of the Lambda runtime the components deploy (see components/shared/lambda/runtime.ts). */
export const LAMBDA_NODE_TARGET = "node24";

export function findEntryPoints() {
  const componentsDir = join(root, "components");
  const entries = [];
  for (const capability of readdirSync(componentsDir).sort()) {
    const lambdaDir = join(componentsDir, capability, "lambda");
    if (!existsSync(lambdaDir) || !statSync(lambdaDir).isDirectory()) continue;
    for (const file of readdirSync(lambdaDir).sort()) {
      if (!file.endsWith(".handler.ts")) continue;
      entries.push({ name: basename(file, ".handler.ts"), path: join(lambdaDir, file) });
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

async function bundleFunctions() {
  const outRoot = join(root, "dist", "functions");
  if (!only) rmSync(outRoot, { recursive: true, force: true });
  const entries = findEntryPoints().filter((e) => !only || only.has(e.name));
  for (const entry of entries) {
    const outdir = join(outRoot, entry.name);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    await build({
      absWorkingDir: root,
      entryPoints: [relative(root, entry.path)],
      outfile: join(outdir, "index.js"),
      bundle: true,
      minify: true,
      sourcemap: "external",
      sourcesContent: false,
      platform: "node",
      target: LAMBDA_NODE_TARGET,
      format: "cjs",
      legalComments: "none",
      // The bundle is the whole function: nothing resolved from the runtime's node_modules.
      external: [],
      mainFields: ["module", "main"],
      logLevel: "warning",
    });
  }
  console.log(`bundled ${entries.length} function(s) into ${relative(root, outRoot)}/`);
}

if (!functionsOnly) {
  rmSync(join(root, "dist"), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
}
await bundleFunctions();
