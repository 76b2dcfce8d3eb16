import * as pulumi from "@pulumi/pulumi";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

let cachedRoot: string | undefined;

/**
 * The root of the installed `kamae` package: found by walking up from this module to the `package.json` named
 * "kamae", so the bundles are found from `node_modules/kamae` as well as from this repository's source or `dist/`.
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "kamae") return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`kamae: cannot find the kamae package root above ${__dirname}`);
    dir = parent;
  }
}

/** Path of a function's bundle (`dist/functions/<name>/index.js`); fails clearly when the package was not built. */
export function functionBundlePath(name: string): string {
  const path = join(packageRoot(), "dist", "functions", name, "index.js");
  if (!existsSync(path)) {
    throw new Error(`kamae: the bundle of function "${name}" is missing at ${path}; run "npm run build" (or reinstall kamae)`);
  }
  return path;
}

/** The deployable code of a function: its bundle and source map as a zip archive. */
export function functionArchive(name: string): pulumi.asset.AssetArchive {
  const bundle = functionBundlePath(name);
  const assets: Record<string, pulumi.asset.Asset> = { "index.js": new pulumi.asset.FileAsset(bundle) };
  if (existsSync(`${bundle}.map`)) assets["index.js.map"] = new pulumi.asset.FileAsset(`${bundle}.map`);
  return new pulumi.asset.AssetArchive(assets);
}
