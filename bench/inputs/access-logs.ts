import { createWriteStream, renameSync } from "node:fs";
import { once } from "node:events";
import { createGzip, constants } from "node:zlib";
import { seededRandom } from "../lib";
import { cachedInput } from "./cache";

/**
 * Seeded 5-minute access logs (ALB or CloudFront) of realistic traffic with planted offenders:
 * - ordinary clients (a tenth IPv6): most make a few requests, some dozens, none more than 90 in the file, one in ten
 *   answered 404; none is over a threshold (100 requests in 5 minutes, 50 errors in a minute);
 * - 10 scanners: 400 requests each, nine in ten 404s (about 70 errors a minute);
 * - 10 floods: 600 requests each, all 200s.
 * Lines are in time order over the 5 minutes, clients interleaved.
 */
export type Format = "alb" | "cloudfront";

export const PLANTED = {
  scanners: Array.from({ length: 10 }, (_, i) => `198.51.100.${10 + i}`),
  floods: Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? `203.0.113.${50 + i}` : `2001:db8:f100::${(i + 1).toString(16)}`)),
};

const START = Date.parse("2026-11-23T10:00:00Z");
const CF_FIELDS = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";
const AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "okhttp/4.12.0",
];
const PATHS = ["/", "/products", "/products/", "/api/v1/cart", "/static/app.js", "/static/app.css", "/images/hero.webp", "/search"];

function albLine(r: () => number, ip: string, ms: number, status: number): string {
  const time = new Date(ms).toISOString().replace("Z", `${String(Math.floor(r() * 1000)).padStart(3, "0")}Z`);
  const path = PATHS[Math.floor(r() * PATHS.length)] + (r() < 0.5 ? String(Math.floor(r() * 5000)) : "");
  const client = ip.includes(":") ? `${ip}` : ip;
  return `https ${time} app/web/50dc6c495c0c9188 ${client}:${1024 + Math.floor(r() * 60000)} 10.0.1.${17 + Math.floor(r() * 4)}:8080 0.000 0.0${Math.floor(10 + r() * 89)} 0.000 ${status} ${status} ${200 + Math.floor(r() * 800)} ${500 + Math.floor(r() * 9000)} "GET https://www.example.com:443${path}?page=${Math.floor(r() * 9)} HTTP/1.1" "${AGENTS[Math.floor(r() * AGENTS.length)]}" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067 "Root=1-67415e2a-${Math.floor(r() * 2 ** 32).toString(16).padStart(8, "0")}d5d99923122bbe354" "www.example.com" "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012" 0 ${time} "forward" "-" "-" "10.0.1.17:8080" "${status}" "-" "-" TID_${Math.floor(r() * 2 ** 32).toString(16)}`;
}

function cloudFrontLine(r: () => number, ip: string, ms: number, status: number): string {
  const iso = new Date(ms).toISOString();
  const result = status === 200 ? (r() < 0.8 ? "Hit" : "Miss") : "Error";
  return [
    iso.slice(0, 10), iso.slice(11, 19), "LAX50-P1", String(300 + Math.floor(r() * 90000)), ip, "GET", "d111111abcdef8.cloudfront.net", PATHS[Math.floor(r() * PATHS.length)], String(status), "-",
    AGENTS[Math.floor(r() * AGENTS.length)].replace(/ /g, "%20"), r() < 0.5 ? "-" : `page=${Math.floor(r() * 9)}`, "-", result, `${Math.floor(r() * 2 ** 52).toString(36)}SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmu==`, "www.example.com", "https", String(100 + Math.floor(r() * 400)), `0.0${Math.floor(r() * 90 + 10)}`, "-", "TLSv1.3",
    "TLS_AES_128_GCM_SHA256", result, "HTTP/2.0", "-", "-", String(1024 + Math.floor(r() * 60000)), "0.012", result, "text/html", String(1000 + Math.floor(r() * 90000)), "-", "-",
  ].join("\t");
}

/** Per line: the owner (client index) and its status, in time order. */
function owners(r: () => number, lines: number): { ips: string[]; owner: Int32Array; status: Uint16Array } {
  const ips: string[] = [];
  const quota: Array<{ n: number; errorRate: number }> = [];
  for (const ip of PLANTED.scanners) {
    ips.push(ip);
    quota.push({ n: 400, errorRate: 0.9 });
  }
  for (const ip of PLANTED.floods) {
    ips.push(ip);
    quota.push({ n: 600, errorRate: 0 });
  }
  let left = lines - quota.reduce((s, q) => s + q.n, 0);
  for (let i = 0; left > 0; i++) {
    const u = r();
    const n = Math.min(left, u < 0.8 ? 1 + Math.floor(r() * 10) : u < 0.98 ? 10 + Math.floor(r() * 30) : 40 + Math.floor(r() * 51));
    ips.push(i % 10 === 9 ? `2a02:c7c:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::1` : `${11 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.${1 + (i % 200)}`);
    quota.push({ n, errorRate: 0.1 });
    left -= n;
  }
  const owner = new Int32Array(lines);
  const status = new Uint16Array(lines);
  let k = 0;
  quota.forEach((q, c) => {
    for (let j = 0; j < q.n; j++, k++) {
      owner[k] = c;
      status[k] = r() < q.errorRate ? 404 : 200;
    }
  });
  for (let i = lines - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [owner[i], owner[j]] = [owner[j], owner[i]];
    [status[i], status[j]] = [status[j], status[i]];
  }
  return { ips, owner, status };
}

/** The gzip log file (cached: the key covers this generator's source, so a change here makes a new file). */
export function accessLog(format: Format, lines: number): Promise<string> {
  return cachedInput(__filename, `${format}-${lines}.log.gz`, async (path) => {
    const r = seededRandom(lines + (format === "alb" ? 1 : 2));
    const { ips, owner, status } = owners(r, lines);
    const gzip = createGzip({ level: constants.Z_DEFAULT_COMPRESSION });
    const out = gzip.pipe(createWriteStream(`${path}.tmp`));
    if (format === "cloudfront") gzip.write(`#Version: 1.0\n#Fields: ${CF_FIELDS}\n`);
    const make = format === "alb" ? albLine : cloudFrontLine;
    for (let i = 0; i < lines; i += 10_000) {
      const chunk: string[] = [];
      for (let k = i; k < Math.min(lines, i + 10_000); k++) chunk.push(make(r, ips[owner[k]], START + Math.floor((k / lines) * 300_000), status[k]));
      if (!gzip.write(`${chunk.join("\n")}\n`)) await once(gzip, "drain");
    }
    gzip.end();
    await once(out, "finish");
    renameSync(`${path}.tmp`, path);
  });
}
