/**
 * Every function's bundle against a naive bundle of the same AWS SDK entry points, and against bare `node`.
 *
 * The naive bundle is what a developer gets without care: the `@aws-sdk/*` packages the function's code imports
 * (read from the metafile of the build's own esbuild options, so the list follows the code), bundled with esbuild's
 * defaults for Node.js. It is generated here into the temp dir (cached under a hash of its entry, the lock file and this
 * file), never committed. It only loads the SDK (no handler code, no client built), so it is the cheapest naive
 * bundle there is. Cold imports are fresh Node.js processes, alternated 11 pairs each (a start is tens of ms: one slow
 * start moved a median of 5 pairs by 18% between runs), timed in CPU time (every thread; on a shared machine wall time
 * mostly measures the other sessions' load):
 * - ours vs naive: the `require` in the fresh process (Node.js's own start left out); target: ≤ naive;
 * - ours vs bare `node`: the process from its start through the `require`, the per-pair difference; target: < 300 ms.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { cachedInput } from "./inputs/cache";
import { alternate, type Figure, median } from "./lib";

const PAIRS = 11;
const MAX_KIB = 1.1 * 1024;
const root = join(__dirname, "..");
const functionsDir = join(root, "dist", "functions");

interface Entry {
  readonly name: string;
  readonly path: string;
}

/** The `@aws-sdk/*` specifiers the function's own code imports, from the metafile of its build (same options). */
async function sdkEntryPoints(entry: Entry): Promise<string[]> {
  const { bundleOptions } = (await import(join(root, "scripts", "bundle-options.mjs"))) as {
    bundleOptions: (root: string, entry: Entry, outfile: string) => Parameters<typeof build>[0];
  };
  const result = await build({ ...bundleOptions(root, entry, join(functionsDir, entry.name, "index.js")), write: false, metafile: true });
  const specifiers = new Set<string>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (file.includes("node_modules/")) continue;
    for (const imported of input.imports) if (imported.original?.startsWith("@aws-sdk/")) specifiers.add(imported.original);
  }
  return [...specifiers].sort();
}

/** The naive bundle of those entry points: esbuild's defaults for a Node.js target (CommonJS, `main` first, unminified). */
async function naiveBundle(specifiers: readonly string[]): Promise<string> {
  const contents = specifiers.map((s, i) => `export * as sdk${i} from ${JSON.stringify(s)};\n`).join("");
  const key = createHash("sha256").update(contents).update(readFileSync(join(root, "package-lock.json"))).digest("hex").slice(0, 16);
  return cachedInput(__filename, `naive-${key}.js`, async (outfile) => {
    await build({ stdin: { contents, resolveDir: root }, bundle: true, platform: "node", outfile, logLevel: "error" });
  });
}

interface ColdStart {
  /** CPU time of the `require` (every thread: compile, evaluation, GC), and its wall time. */
  readonly importCpuMs: number;
  readonly importWallMs: number;
  /** CPU time of the whole process from its start through the `require`. */
  readonly processCpuMs: number;
}

/** A fresh Node.js process that requires the bundle (or nothing) and reports its times. */
function coldStart(bundle?: string): ColdStart {
  // A ConfigurationError at import (settings are checked at cold start) still measures the whole module load.
  const load = bundle ? `try { require(${JSON.stringify(bundle)}); } catch (e) { if (e.name !== "ConfigurationError") throw e; }` : "";
  const script = `const c = process.cpuUsage(), t = process.hrtime.bigint(); ${load}
    const u = process.cpuUsage(c), all = process.cpuUsage(), ms = ({ user, system }) => (user + system) / 1000;
    process.stdout.write(JSON.stringify({ importCpuMs: ms(u), importWallMs: Number(process.hrtime.bigint() - t) / 1e6, processCpuMs: ms(all) }));`;
  const child = spawnSync(process.execPath, ["-e", script], { env: { PATH: process.env.PATH, AWS_REGION: "us-east-1" }, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`cold import failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ColdStart;
}

export default async function run(): Promise<Figure[]> {
  if (!existsSync(functionsDir)) throw new Error("no bundles: run `npm run build` first");
  const { findEntryPoints } = (await import(join(root, "scripts", "entry-points.mjs"))) as { findEntryPoints: (root: string) => Entry[] };
  const figures: Figure[] = [];
  for (const entry of findEntryPoints(root)) {
    const { name } = entry;
    const bundle = join(functionsDir, name, "index.js");
    const specifiers = await sdkEntryPoints(entry);
    const naive = await naiveBundle(specifiers);
    const kib = statSync(bundle).size / 1024;
    const naiveKib = statSync(naive).size / 1024;
    const sdk = specifiers.map((s) => s.replace("@aws-sdk/", "")).join(", ");
    figures.push({ name: `${name}: bundle size (naive bundle of ${sdk})`, value: kib, unit: "KiB", baseline: naiveKib, ratio: kib / naiveKib, target: "≤ 1,126 KiB (1.1 MB)", met: kib <= MAX_KIB });

    const ours: ColdStart[] = [];
    const oursImport = async () => {
      const c = coldStart(bundle);
      ours.push(c);
      return c.importCpuMs;
    };
    const vsNaive = await alternate(PAIRS, oursImport, async () => coldStart(naive).importCpuMs);
    figures.push({ name: `${name}: cold import vs the naive bundle: CPU time of require in a fresh process (its wall time here: ${Math.round(median(ours.map((c) => c.importWallMs)))} ms)`, value: vsNaive.subject, unit: "ms", baseline: vsNaive.baseline, ratio: vsNaive.ratio, spread: vsNaive.spread, target: "≤ 1 (no slower than naive)", met: vsNaive.ratio <= 1 });

    // The target is a difference; a ratio to bare Node.js's ~25 ms of start is mostly that start's noise.
    const vsBare = await alternate(PAIRS, async () => coldStart(bundle).processCpuMs, async () => coldStart().processCpuMs);
    figures.push({ name: `${name}: cold import over bare Node.js: process CPU time, median of per-pair differences`, value: vsBare.difference, unit: "ms", baseline: vsBare.baseline, spread: vsBare.differenceSpread, target: "< 300 ms over bare Node.js", met: vsBare.difference < 300 });
  }
  return figures;
}
