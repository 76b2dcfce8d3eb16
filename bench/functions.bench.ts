/**
 * Bundle size of every function and its cold import time: a fresh Node.js process requiring the bundle, against the
 * same fresh process requiring nothing (the baseline, measured in the same run).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Figure, median } from "./lib";

const REPEATS = 7;
const functionsDir = join(__dirname, "..", "dist", "functions");

function coldStartMs(script: string): number {
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ["-e", script], { env: { PATH: process.env.PATH, AWS_REGION: "us-east-1" } });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

export default async function run(): Promise<Figure[]> {
  if (!existsSync(functionsDir)) throw new Error("no bundles: run `npm run build` first");
  const empty = coldStartMs("");
  const figures: Figure[] = [];
  for (const name of readdirSync(functionsDir).sort()) {
    const bundle = join(functionsDir, name, "index.js");
    figures.push({ name: `${name}: bundle size`, value: statSync(bundle).size / 1024, unit: "KiB", target: "< 2048 KiB", met: statSync(bundle).size < 2048 * 1024 });
    // A ConfigurationError at import (settings are checked at cold start) still measures the whole module load.
    const load = coldStartMs(`try { require(${JSON.stringify(bundle)}); } catch (e) { if (e.name !== "ConfigurationError") throw e; }`);
    figures.push({ name: `${name}: cold import`, value: load, unit: "ms", baseline: empty, ratio: load / empty, target: "< 300 ms over bare Node.js", met: load - empty < 300 });
  }
  return figures;
}
