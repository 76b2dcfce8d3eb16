/**
 * The log path against the reference, measured apart from the suite (it needs Python and the reference's code, which
 * this repository does not hold): `node --import tsx bench/reference/compare.ts <reference-dir>`, where the directory
 * holds lambda_log_parser.py of AWS WAF Security Automations v4.0.x (see bench/README.md). On the suite's generated
 * 1,000,000-line ALB and CloudFront logs, 5 alternated pairs each: the reference's CPU time (its own process, timed
 * inside it) and Kamae's (parse + merge + decide, this process). Prints the figures and writes results.json here.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { kamaePass } from "../access-log-parser.bench";
import { accessLog, PLANTED, type Format } from "../inputs/access-logs";
import { alternate, cpuMs } from "../lib";

const LINES = 1_000_000;
const referenceDir = process.argv[2];
if (!referenceDir) throw new Error("usage: compare.ts <directory holding the reference's lambda_log_parser.py>");

function referencePass(format: Format, file: string): number {
  const out = execFileSync("python3", [join(__dirname, "run_reference_parser.py"), referenceDir, format, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(out) as { cpuMs: number; outstanding: string[] };
  // The reference's ALB and CloudFront parser counts errors only: it finds the scanners, never the floods.
  if (JSON.stringify(result.outstanding) !== JSON.stringify([...PLANTED.scanners].sort())) throw new Error(`the reference found ${result.outstanding.join(",")}`);
  return result.cpuMs;
}

async function main(): Promise<void> {
  const results = [];
  for (const format of ["alb", "cloudfront"] as Format[]) {
    const file = await accessLog(format, LINES);
    const p = await alternate(5, () => cpuMs(() => kamaePass(file)), async () => referencePass(format, file));
    const figure = {
      format,
      kamaeLinesPerSecond: Math.round(LINES / (p.subject / 1000)),
      referenceLinesPerSecond: Math.round(LINES / (p.baseline / 1000)),
      ratio: 1 / p.ratio,
      spread: [1 / p.spread[1], 1 / p.spread[0]],
    };
    console.log(JSON.stringify(figure));
    results.push(figure);
  }
  writeFileSync(join(__dirname, "results.json"), `${JSON.stringify({ takenAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
