import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { createGzip, constants } from "node:zlib";
import { DEFAULT_COUNTER_OPTIONS, forEachGzipLine, LogCounter } from "../components/waf-auto-block/lambda/access-log";
import { median, seededRandom, type Figure } from "./lib";

/**
 * The access-log parser's throughput on generated ALB and CloudFront logs of 1,000,000 lines, as a ratio to the raw
 * limit measured in the same run (gunzip + line splitting, nothing else; medians of CPU time), and its peak memory on
 * a file and on one ten times larger, each in a child process of its own. Generated files are cached in the temp dir.
 */
const LINES = 1_000_000;
const SMALL = 100_000;
const REPEATS = 5;
const DIR = join(tmpdir(), "kamae-bench-access-logs");

type Format = "alb" | "cloudfront";

function albLine(r: () => number, ip: string, second: number): string {
  const target = r() < 0.15 ? "-" : "10.0.1.17:8080";
  const elb = target === "-" ? "403" : r() < 0.1 ? "404" : "200";
  const time = `2026-11-23T10:0${Math.floor(second / 60)}:${String(second % 60).padStart(2, "0")}.${String(Math.floor(r() * 1e6)).padStart(6, "0")}Z`;
  return `https ${time} app/web/50dc6c495c0c9188 ${ip}:${1024 + Math.floor(r() * 60000)} ${target} 0.000 0.012 0.000 ${elb} ${target === "-" ? "-" : elb} 512 2048 "GET https://www.example.com:443/products/${Math.floor(r() * 5000)}?page=2 HTTP/1.1" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067 "Root=1-67415e2a-36d228ad5d99923122bbe354" "www.example.com" "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012" 0 ${time} "${target === "-" ? "waf" : "forward"}" "-" "-" "${target}" "${target === "-" ? "-" : elb}" "-" "-" TID_1234abcd5678ef90`;
}

const CF_FIELDS = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";

function cloudFrontLine(r: () => number, ip: string, second: number): string {
  const status = r() < 0.1 ? "404" : "200";
  const result = status === "200" ? "Hit" : "Error";
  return [
    "2026-11-23", `10:0${Math.floor(second / 60)}:${String(second % 60).padStart(2, "0")}`, "LAX1", "392", ip, "GET", "d111111abcdef8.cloudfront.net", `/products/${Math.floor(r() * 5000)}`, status, "-",
    "Mozilla/5.0%20(X11;%20Linux%20x86_64)", "-", "-", result, "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==", "d111111abcdef8.cloudfront.net", "https", "23", "0.001", "-", "TLSv1.3",
    "TLS_AES_128_GCM_SHA256", result, "HTTP/2.0", "-", "-", String(1024 + Math.floor(r() * 60000)), "0.001", result, "text/html", "78", "-", "-",
  ].join("\t");
}

/** A seeded log file: 20,000 client addresses (a few heavy hitters), IPv4 and some IPv6, over 5 minutes. */
async function generate(format: Format, lines: number): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `${format}-${lines}.log.gz`);
  if (existsSync(file)) return file;
  const r = seededRandom(lines + (format === "alb" ? 1 : 2));
  const pool = Array.from({ length: 20_000 }, (_, i) => (i % 10 === 0 ? `2a02:c7c:${(i >> 8).toString(16)}:${(i & 255).toString(16)}::1` : `${11 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.${1 + (i % 200)}`));
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  const out = gzip.pipe(createWriteStream(`${file}.tmp`));
  if (format === "cloudfront") gzip.write(`#Version: 1.0\n#Fields: ${CF_FIELDS}\n`);
  const make = format === "alb" ? albLine : cloudFrontLine;
  for (let i = 0; i < lines; i += 10_000) {
    const chunk: string[] = [];
    for (let k = i; k < Math.min(lines, i + 10_000); k++) {
      const ip = pool[Math.floor(pool.length * r() ** 3)];
      chunk.push(make(r, ip, Math.floor((k / lines) * 300)));
    }
    if (!gzip.write(`${chunk.join("\n")}\n`)) await once(gzip, "drain");
  }
  gzip.end();
  await once(out, "finish");
  const { renameSync } = await import("node:fs");
  renameSync(`${file}.tmp`, file);
  return file;
}

/** CPU time (user + system, all threads of this process) of one pass, in milliseconds. */
async function cpuMs(pass: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await pass();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function rawPass(file: string): Promise<number> {
  let lines = 0;
  await forEachGzipLine(createReadStream(file, { highWaterMark: 256 * 1024 }), () => lines++);
  return lines;
}

async function parserPass(file: string): Promise<number> {
  const counter = new LogCounter(DEFAULT_COUNTER_OPTIONS);
  await forEachGzipLine(createReadStream(file, { highWaterMark: 256 * 1024 }), counter.addLine);
  const result = counter.result();
  if (result.badLines > 0 || result.counts.size === 0) throw new Error(`generated log misread: ${result.badLines} bad lines`);
  return result.lines;
}

/** Peak RSS (MiB) of a child process that parses one file and nothing else. */
function peakRssMiB(file: string): number {
  const child = spawnSync(process.execPath, ["--import", "tsx", __filename], { env: { ...process.env, KAMAE_BENCH_PARSE_FILE: file }, encoding: "utf8" });
  const match = /@@maxrss (\d+)/.exec(child.stdout ?? "");
  if (!match) throw new Error(`memory child failed: ${child.stderr}`);
  return Number(match[1]) / 1024;
}

if (process.env.KAMAE_BENCH_PARSE_FILE) {
  parserPass(process.env.KAMAE_BENCH_PARSE_FILE).then(() => process.stdout.write(`@@maxrss ${process.resourceUsage().maxRSS}\n`));
}

export default async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const format of ["alb", "cloudfront"] as const) {
    const file = await generate(format, LINES);
    const mb = statSync(file).size / 1e6;
    await rawPass(file); // warm up the page cache and the JIT
    // Interleaved, and in CPU time (gunzip's thread included): a busy shared machine skews both sides alike.
    const rawSamples: number[] = [];
    const parsedSamples: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      rawSamples.push(await cpuMs(() => rawPass(file)));
      parsedSamples.push(await cpuMs(() => parserPass(file)));
    }
    const raw = median(rawSamples);
    const parsed = median(parsedSamples);
    const label = format === "alb" ? "ALB" : "CloudFront";
    const rawLines = LINES / (raw / 1000);
    const lines = LINES / (parsed / 1000);
    figures.push({ name: `${label} log parser throughput (1,000,000 lines)`, value: Math.round(lines), unit: "lines/s", baseline: Math.round(rawLines), ratio: lines / rawLines, target: "≥ 0.5 of raw (gunzip + line split)", met: lines / rawLines >= 0.5 });
    figures.push({ name: `${label} log parser throughput, compressed input`, value: mb / (parsed / 1000), unit: "MB/s", baseline: mb / (raw / 1000), ratio: raw / parsed });
  }
  const small = await generate("alb", SMALL);
  const large = await generate("alb", LINES);
  const smallRss = peakRssMiB(small);
  const largeRss = peakRssMiB(large);
  figures.push({ name: `Peak RSS parsing an ALB log of ${SMALL.toLocaleString("en-US")} lines`, value: smallRss, unit: "MiB" });
  figures.push({
    name: `Peak RSS parsing an ALB log of ${LINES.toLocaleString("en-US")} lines (10× larger)`,
    value: largeRss,
    unit: "MiB",
    baseline: smallRss,
    ratio: largeRss / smallRss,
    target: "independent of file size (≤ 1.25× the small file's)",
    met: largeRss / smallRss <= 1.25,
  });
  return figures;
}
