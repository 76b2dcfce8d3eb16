import { Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import { cloudTrailLogFile, filterLogFile } from "../components/api-activity-alerts/lambda/filter";
import { generatedLogFile } from "../components/api-activity-alerts/fixtures/generate-log";
import { MessageBatcher } from "../components/api-activity-alerts/lambda/messages";
import { RuleSet } from "../components/api-activity-alerts/lambda/rules";
import { alternate, childPeakRssMiB, cpuMs, printOwnPeakRss, type Figure } from "./lib";

/**
 * ApiActivityAlerts' filter (fixed-buffer gunzip, incremental record splitting, a JSON.parse per record, the rules, the
 * message batching) against the plain-Node limit, alternated in the same run (5 pairs, CPU time): gunzip of the whole
 * file plus one JSON.parse. The input is a seeded CloudTrail file of 50 MB of JSON (gzip), records of every identity
 * type. Peak memory of each, in a child process of its own.
 */
const UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const PAIRS = 5;

const FILE_KEY = "AWSLogs/111111111111/CloudTrail/ap-northeast-1/2026/11/20/111111111111_CloudTrail_ap-northeast-1_20261120T0000Z_bench000000000000.json.gz";

async function limitPass(gz: Buffer): Promise<number> {
  return (JSON.parse(gunzipSync(gz).toString("utf8")) as { Records: unknown[] }).Records.length;
}

async function filterPass(gz: Buffer): Promise<{ records: number; selected: number }> {
  const file = cloudTrailLogFile("bench", FILE_KEY)!;
  const batcher = new MessageBatcher(file, async () => undefined);
  const report = await filterLogFile(Readable.from([gz]), file, rules, batcher);
  return { records: report.records, selected: report.selected };
}

if (process.env.KAMAE_BENCH_CLOUDTRAIL) {
  const mode = process.env.KAMAE_BENCH_CLOUDTRAIL;
  generatedLogFile(42, UNCOMPRESSED_BYTES)
    .then((gz): Promise<unknown> => (mode === "filter" ? filterPass(gz) : limitPass(gz)))
    .then(printOwnPeakRss);
}

const rules = new RuleSet([
  { name: "off-hours-changes", readOnly: false, timeWindows: [{ timeZone: "Asia/Tokyo", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], start: "09:00", end: "18:00" }], timeWindowsMatch: "outside" },
  { name: "unexpected-source", sourceIpNotIn: ["10.0.0.0/8", "203.0.113.0/24"], eventNames: ["Put*", "Delete*", "Authorize*"] },
  { name: "root", identityTypes: ["Root"] },
  { name: "pipeline", effect: "exclude", identityArns: ["arn:aws:sts::*:assumed-role/deploy-pipeline/*"] },
]);

export default async function run(): Promise<Figure[]> {
  const gz = await generatedLogFile(42, UNCOMPRESSED_BYTES);
  const rawRecords = await limitPass(gz);
  const { records, selected } = await filterPass(gz);
  if (records !== rawRecords) throw new Error(`the filter read ${records} records, JSON.parse ${rawRecords}`);
  const p = await alternate(PAIRS, () => cpuMs(() => filterPass(gz)), () => cpuMs(() => limitPass(gz)));
  const value = records / (p.subject / 1000);
  const raw = rawRecords / (p.baseline / 1000);
  const filterRss = childPeakRssMiB(__filename, { KAMAE_BENCH_CLOUDTRAIL: "filter" });
  const limitRss = childPeakRssMiB(__filename, { KAMAE_BENCH_CLOUDTRAIL: "limit" });
  const sizeMb = (gz.length / 1048576).toFixed(1);
  return [
    {
      name: `CloudTrail filter throughput (${rawRecords} records, 50 MiB JSON, ${sizeMb} MiB gzip; ${selected} selected)`,
      value: Math.round(value),
      unit: "records/s",
      baseline: Math.round(raw),
      ratio: 1 / p.ratio,
      spread: [1 / p.spread[1], 1 / p.spread[0]],
      target: "≥ 0.8 of gunzip + JSON.parse",
      met: 1 / p.ratio >= 0.8,
    },
    {
      name: "CloudTrail filter peak RSS (same file)",
      value: filterRss,
      unit: "MiB",
      baseline: limitRss,
      ratio: filterRss / limitRss,
      target: "flat: well under the whole-file parse's",
      met: filterRss < limitRss / 2,
    },
  ];
}
