/**
 * Bundle size of every function and its cold import time: a fresh Node.js process requiring the bundle, alternated
 * with the same fresh process requiring nothing (bare `node`, the baseline), 5 pairs each.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { alternate, type Figure } from "./lib";

const PAIRS = 5;
const MAX_KIB = 1.1 * 1024;
const functionsDir = join(__dirname, "..", "dist", "functions");

async function coldStartMs(script: string): Promise<number> {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-e", script], { env: { PATH: process.env.PATH, AWS_REGION: "us-east-1" }, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`cold import failed: ${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export default async function run(): Promise<Figure[]> {
  if (!existsSync(functionsDir)) throw new Error("no bundles: run `npm run build` first");
  const figures: Figure[] = [];
  for (const name of readdirSync(functionsDir).sort()) {
    const bundle = join(functionsDir, name, "index.js");
    const kib = statSync(bundle).size / 1024;
    figures.push({ name: `${name}: bundle size`, value: kib, unit: "KiB", target: "≤ 1,126 KiB (1.1 MB)", met: kib <= MAX_KIB });
    // A ConfigurationError at import (settings are checked at cold start) still measures the whole module load.
    const script = `try { require(${JSON.stringify(bundle)}); } catch (e) { if (e.name !== "ConfigurationError") throw e; }`;
    const p = await alternate(PAIRS, () => coldStartMs(script), () => coldStartMs(""));
    // The target is a difference; a ratio to bare Node.js's 30-70 ms start is mostly that start's noise (2× between runs).
    const over = p.subject - p.baseline;
    figures.push({ name: `${name}: cold import, over bare Node.js (${Math.round(p.subject)} ms in all)`, value: over, unit: "ms", baseline: p.baseline, target: "< 300 ms over bare Node.js", met: over < 300 });
  }
  return figures;
}
