import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * The contract of every benchmark: `bench/<topic>.bench.ts` default-exports `run(): Promise<Figure[]>`; `bench/run.ts`
 * runs them all, prints a table and writes `bench/results.json`. Figures are ratios against a baseline measured in the
 * same run wherever one exists, so they mean the same on any machine.
 */
export interface Figure {
  /** What is measured, e.g. "ALB log parser throughput (1,000,000 lines)". */
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The baseline measured in the same run (e.g. gunzip + line split), in the same unit. */
  readonly baseline?: number;
  /** value / baseline (or the ratio that the target speaks of). */
  readonly ratio?: number;
  /** The spread over the pairs measured, [lowest, highest]: of the ratio, or of the value when the value is itself a
   * per-pair difference (a time over a baseline). */
  readonly spread?: readonly [number, number];
  /** The target from the issue, in words ("≥ 0.5 of raw", "≤ 5 writes"). */
  readonly target?: string;
  /** Whether the target was met. */
  readonly met?: boolean;
}

export type Benchmark = () => Promise<Figure[]>;

/** The median of repeated samples (each benchmark repeats its measurement and reports this). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error("median of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `repeats` times and returns the median wall time in milliseconds. */
export async function medianMs(repeats: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

export interface Paired {
  /** Median of the subject's samples and of the baseline's. */
  readonly subject: number;
  readonly baseline: number;
  /** Median of the per-pair ratios subject / baseline, and their lowest and highest. */
  readonly ratio: number;
  readonly spread: readonly [number, number];
  /** Median of the per-pair differences subject - baseline, and their lowest and highest (for targets that speak of
   * a time over the baseline). */
  readonly difference: number;
  readonly differenceSpread: readonly [number, number];
}

/**
 * Measures subject and baseline alternately, `pairs` times (the order flips every pair, so neither always runs on a
 * warmer machine), after one warm-up of each. Each pair's ratio compares two runs made moments apart, under the same
 * load, which is what makes ratios steady on a shared machine.
 */
export async function alternate(pairs: number, subject: () => Promise<number>, baseline: () => Promise<number>): Promise<Paired> {
  await baseline();
  await subject();
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      b.push(await baseline());
      s.push(await subject());
    } else {
      s.push(await subject());
      b.push(await baseline());
    }
  }
  const ratios = s.map((v, i) => v / b[i]);
  const differences = s.map((v, i) => v - b[i]);
  return {
    subject: median(s),
    baseline: median(b),
    ratio: median(ratios),
    spread: [Math.min(...ratios), Math.max(...ratios)],
    difference: median(differences),
    differenceSpread: [Math.min(...differences), Math.max(...differences)],
  };
}

/** CPU time (user + system, every thread of this process) of one pass, in milliseconds. */
export async function cpuMs(pass: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await pass();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** A seeded pseudo-random generator (mulberry32): generated inputs are the same in every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * This process's own peak RSS (KiB), for a memory child to print. Linux's VmHWM, not `resourceUsage().maxRSS`: a
 * spawned child's ru_maxrss keeps the high-water mark of the address space it had before exec, a copy of the parent's,
 * so a child of a benchmark that had just run its pairs reported the parent's 230 MiB instead of its own 112.
 */
export function ownPeakRssKiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: no /proc
  }
  return process.resourceUsage().maxRSS;
}

/** Runs `script` in a fresh Node.js process with `env` added and returns the peak RSS (MiB) it printed. */
export function childPeakRssMiB(script: string, env: Record<string, string>): number {
  const child = spawnSync(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, encoding: "utf8" });
  const match = /@@peak-rss (\d+)/.exec(child.stdout ?? "");
  if (!match) throw new Error(`memory child failed: ${child.stderr}`);
  return Number(match[1]) / 1024;
}

/** What a memory child prints last, for `childPeakRssMiB`. */
export function printOwnPeakRss(): void {
  process.stdout.write(`@@peak-rss ${ownPeakRssKiB()}\n`);
}
