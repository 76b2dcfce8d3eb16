import { Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import { cloudTrailLogFile, filterLogFile } from "../components/api-activity-alerts/lambda/filter";
import { generatedLogFile } from "../components/api-activity-alerts/fixtures/generate-log";
import { MessageBatcher } from "../components/api-activity-alerts/lambda/messages";
import { RuleSet } from "../components/api-activity-alerts/lambda/rules";
import { type Figure, medianMs } from "./lib";

/**
 * ApiActivityAlerts' filter (streaming gunzip, incremental record splitting, a JSON.parse per record, the rules, the
 * message batching) against the raw limit measured in the same run: gunzip of the whole file plus one JSON.parse.
 * The input is a seeded CloudTrail file of 50 MB of JSON (gzip), records of every identity type.
 */
const UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const REPEATS = 3;

const rules = new RuleSet([
  { name: "off-hours-changes", readOnly: false, timeWindows: [{ timeZone: "Asia/Tokyo", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], start: "09:00", end: "18:00" }], timeWindowsMatch: "outside" },
  { name: "unexpected-source", sourceIpNotIn: ["10.0.0.0/8", "203.0.113.0/24"], eventNames: ["Put*", "Delete*", "Authorize*"] },
  { name: "root", identityTypes: ["Root"] },
  { name: "pipeline", effect: "exclude", identityArns: ["arn:aws:sts::*:assumed-role/deploy-pipeline/*"] },
]);

export default async function run(): Promise<Figure[]> {
  const gz = await generatedLogFile(42, UNCOMPRESSED_BYTES);
  const file = cloudTrailLogFile("bench", "AWSLogs/111111111111/CloudTrail/ap-northeast-1/2026/11/20/111111111111_CloudTrail_ap-northeast-1_20261120T0000Z_bench000000000000.json.gz")!;

  let rawRecords = 0;
  const rawMs = await medianMs(REPEATS, () => {
    rawRecords = (JSON.parse(gunzipSync(gz).toString("utf8")) as { Records: unknown[] }).Records.length;
  });
  let filtered = 0;
  let selected = 0;
  let messages = 0;
  const filterMs = await medianMs(REPEATS, async () => {
    const batcher = new MessageBatcher(file, async () => void messages++);
    const report = await filterLogFile(Readable.from([gz]), file, rules, batcher);
    filtered = report.records;
    selected = report.selected;
  });
  if (filtered !== rawRecords) throw new Error(`the filter read ${filtered} records, JSON.parse ${rawRecords}`);

  const raw = rawRecords / (rawMs / 1000);
  const value = filtered / (filterMs / 1000);
  const sizeMb = (gz.length / 1048576).toFixed(1);
  return [
    {
      name: `CloudTrail filter throughput (${rawRecords} records, 50 MiB JSON, ${sizeMb} MiB gzip; ${selected} selected)`,
      value: Math.round(value),
      unit: "records/s",
      baseline: Math.round(raw),
      ratio: value / raw,
      target: "≥ 0.6 of gunzip + JSON.parse",
      met: value / raw >= 0.6,
    },
  ];
}
