// Makes the compiled policy pack (dist/policies) a folder that runs and publishes on its own, as `pulumi policy publish`
// packs it and `pulumi preview --policy-pack` starts it: every compiled module the pack reaches outside its folder
// (shared code under dist/components, …) is copied in at the same path relative to dist/ (dist/components/x.js becomes
// dist/policies/components/x.js) and the relative specifiers that pointed out are rewritten; the packages it requires
// are written to its package.json with the versions of the root package-lock.json. Deterministic: same dist/, same bytes.
import { builtinModules } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Module specifiers: `require("…")` and `require.resolve("…")` in compiled JavaScript; `import`/`export … from "…"`, `import "…"`, `import("…")` in declarations. */
const SPECIFIERS = {
  js: /(\brequire(?:\.resolve)?\(\s*)(["'])([^"'\n]+)\2/g,
  dts: /(^(?:import|export)\s[^;]*?\bfrom\s+|^import\s+|\bimport\(\s*)(["'])([^"'\n]+)\2/gm,
};
/** The files tsc writes for one module, by suffix. */
const MODULE_FILES = [".js", ".js.map", ".d.ts"];

const isInside = (dir, file) => file === dir || file.startsWith(dir + sep);
const posix = (p) => p.split(sep).join("/");
const asSpecifier = (fromDir, stem) => {
  const r = posix(relative(fromDir, stem));
  return r.startsWith(".") ? r : `./${r}`;
};
/** The package a bare specifier names (`@scope/name/deep` → `@scope/name`). */
const packageName = (spec) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");
const isBuiltin = (spec) => spec.startsWith("node:") || builtinModules.includes(packageName(spec));

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The module a relative specifier names, as a path without suffix (`…/x` for x.js or x/index.js). */
function moduleStem(target) {
  if (MODULE_FILES.some((s) => existsSync(target + s))) return target;
  if (MODULE_FILES.some((s) => existsSync(join(target, "index") + s))) return join(target, "index");
  if (existsSync(target)) return target.replace(/(\.d\.ts|\.js)$/, "");
  return undefined;
}

/**
 * @param {string} dist the build's output directory
 * @param {string} lockFile the root package-lock.json
 * @param {{name: string, version: string, description: string}} manifest the pack's name, version and description
 */
export function makeSelfContainedPack(dist, lockFile, manifest) {
  const packDir = join(dist, "policies");
  /** Where a module of dist/ lives in the pack: itself when inside it, else the same path under dist/policies. */
  const placed = (stem) => (isInside(packDir, stem) ? stem : join(packDir, relative(dist, stem)));
  const packages = new Set();
  const copied = new Set();
  // Each entry: a file as the pack will hold it, and where tsc wrote it (relative specifiers resolve from there).
  const queue = filesUnder(packDir).map((f) => ({ file: f, origin: f }));
  while (queue.length > 0) {
    const { file, origin } = queue.shift();
    if (file.endsWith(".map")) {
      if (file === origin) continue;
      // Source paths stay those of the sources, seen from the map's new place.
      const map = JSON.parse(readFileSync(origin, "utf8"));
      map.sources = map.sources.map((s) => asSpecifier(dirname(file), resolve(dirname(origin), s)).replace(/^\.\//, ""));
      writeFileSync(file, JSON.stringify(map));
      continue;
    }
    if (!file.endsWith(".js") && !file.endsWith(".d.ts")) continue;
    const text = readFileSync(origin, "utf8").replace(file.endsWith(".d.ts") ? SPECIFIERS.dts : SPECIFIERS.js, (whole, head, quote, spec) => {
      if (!spec.startsWith(".")) {
        if (!isBuiltin(spec)) packages.add(packageName(spec));
        return whole;
      }
      const stem = moduleStem(resolve(dirname(origin), spec));
      if (stem === undefined) throw new Error(`${posix(relative(dist, origin))}: cannot resolve "${spec}"`);
      if (!isInside(dist, stem)) throw new Error(`${posix(relative(dist, origin))}: "${spec}" is outside ${posix(dist)}; the pack cannot ship it`);
      const target = placed(stem);
      if (!isInside(packDir, stem) && !copied.has(stem)) {
        copied.add(stem);
        for (const suffix of MODULE_FILES) {
          if (!existsSync(stem + suffix)) continue;
          mkdirSync(dirname(target), { recursive: true });
          queue.push({ file: target + suffix, origin: stem + suffix });
        }
      }
      return `${head}${quote}${asSpecifier(dirname(file), target)}${quote}`;
    });
    writeFileSync(file, text);
  }
  const lock = JSON.parse(readFileSync(lockFile, "utf8"));
  const dependencies = Object.fromEntries(
    [...packages].sort().map((name) => {
      const version = lock.packages?.[`node_modules/${name}`]?.version;
      if (!version) throw new Error(`dist/policies requires "${name}", which package-lock.json does not hold: add it to package.json`);
      return [name, version];
    }),
  );
  writeFileSync(
    join(packDir, "package.json"),
    `${JSON.stringify({ name: manifest.name, version: manifest.version, description: manifest.description, private: true, main: "index.js", dependencies }, null, 2)}\n`,
  );
  return { copied: [...copied].map((s) => posix(relative(dist, s))).sort(), dependencies };
}
