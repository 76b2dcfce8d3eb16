/**
 * `npm run bench [-- <filter>]`: runs every `bench/*.bench.ts` in its own process (so one benchmark's heap and JIT
 * state never colour another's), prints one table and writes `bench/results.json`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type { Figure } from "./lib";

const benchDir = __dirname;
const filter = process.argv[2];

function runOne(file: string): { figures: Figure[]; error?: string; seconds: number } {
  const started = Date.now();
  const child = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", join(benchDir, "run-one.ts"), join(benchDir, file)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const seconds = (Date.now() - started) / 1000;
  const marker = child.stdout.lastIndexOf("\n@@figures ");
  if (child.status !== 0 || marker < 0) return { figures: [], error: `exit ${child.status}`, seconds };
  return { figures: JSON.parse(child.stdout.slice(marker + "\n@@figures ".length)), seconds };
}

function format(n: number | undefined): string {
  if (n === undefined) return "";
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString("en-US");
  return Number(n.toPrecision(3)).toString();
}

const files = readdirSync(benchDir).filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter))).sort();
const results: Array<Figure & { benchmark: string }> = [];
const failures: string[] = [];
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  const { figures, error, seconds } = runOne(file);
  if (error) failures.push(`${file}: ${error}`);
  process.stderr.write(`  ${figures.length} figure(s) in ${seconds.toFixed(1)} s\n`);
  results.push(...figures.map((f) => ({ benchmark: file.replace(/\.bench\.ts$/, ""), ...f })));
}

const rows = results.map((r) => [
  r.benchmark,
  r.name,
  `${format(r.value)} ${r.unit}`,
  format(r.baseline),
  format(r.ratio),
  r.spread ? `${format(r.spread[0])}–${format(r.spread[1])}` : "",
  r.target ?? "",
  r.met === undefined ? "" : r.met ? "yes" : "NO",
]);
const header = ["benchmark", "figure", "value", "baseline", "ratio", "spread (pairs)", "target", "met"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
rows.forEach((r) => console.log(line(r)));

const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
const takenAt = new Date().toISOString();
writeFileSync(join(benchDir, "results.json"), `${JSON.stringify({ takenAt, machine, figures: results, failures }, null, 2)}\n`);

// The figures section of bench/README.md is rewritten from this run (a filtered run leaves it alone).
const readme = join(benchDir, "README.md");
if (!filter && existsSync(readme)) {
  const markdownRows = rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`);
  const section = [
    `Taken ${takenAt} on ${machine.cpus} × ${machine.cpuModel ?? "unknown CPU"}, ${machine.memoryGiB} GiB, Node.js ${machine.node}.`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...markdownRows,
  ].join("\n");
  const text = readFileSync(readme, "utf8").replace(/<!-- figures:start -->[\s\S]*<!-- figures:end -->/, `<!-- figures:start -->\n${section}\n<!-- figures:end -->`);
  writeFileSync(readme, text);
}
if (failures.length > 0) {
  console.error(`failed: ${failures.join("; ")}`);
  process.exit(1);
}
