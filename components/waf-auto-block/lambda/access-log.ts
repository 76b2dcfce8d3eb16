import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { parseIp } from "../../shared/net/cidr";

export type LogFormat = "alb" | "cloudfront" | "waf";

/** Lines longer than this are not log lines: dropped as bad without being buffered. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * Calls `onLine` for every line of a gzip stream, holding at most one chunk and one partial line in memory, so memory
 * stays flat however large the file. The same function is the "raw limit" baseline of the benchmark.
 */
export async function forEachGzipLine(body: Readable, onLine: (line: string) => void, onOverlong: () => void = () => {}): Promise<void> {
  const gunzip = body.pipe(createGunzip());
  body.on("error", (err) => gunzip.destroy(err));
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let skipping = false;
  const take = (text: string) => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl < 0) break;
      if (skipping) skipping = false;
      else onLine(carry.length > 0 ? carry + text.slice(start, nl) : text.slice(start, nl));
      carry = "";
      start = nl + 1;
    }
    if (skipping) return;
    carry = carry.length > 0 ? carry + text.slice(start) : text.slice(start);
    if (carry.length > MAX_LINE_CHARS) {
      carry = "";
      skipping = true;
      onOverlong();
    }
  };
  for await (const chunk of gunzip) take(decoder.write(chunk as Buffer));
  take(decoder.end());
  if (carry.length > 0 && !skipping) onLine(carry);
}

export const DEFAULT_COUNTER_OPTIONS: CounterOptions = {
  albErrorCodes: new Set([400, 401, 403, 404, 405]),
  cloudFrontErrorCodes: new Set([400, 401, 404, 405]),
  maxAddresses: 500_000,
};

export interface CounterOptions {
  /** Status codes counted as errors in ALB logs, on target_status_code. */
  readonly albErrorCodes: ReadonlySet<number>;
  /**
   * Status codes counted as errors in CloudFront logs, on sc-status. CloudFront logs do not say which responses the
   * web ACL produced, so the default leaves 403 out: counting WAF's own blocks would feed back into more blocks.
   */
  readonly cloudFrontErrorCodes: ReadonlySet<number>;
  /** Distinct addresses held per file; lines of further addresses are counted as skipped (flat memory under attack). */
  readonly maxAddresses: number;
}

/** Per address, per minute (epoch minute): [minute, requests, errors] triples, usually a handful per file. */
export type MinuteCounts = Map<string, number[]>;

export interface FileCounts {
  readonly format: LogFormat | "unknown";
  readonly lines: number;
  /** Lines that could not be read: counted and skipped, the file is still processed. */
  readonly badLines: number;
  /** Header and comment lines. */
  readonly headerLines: number;
  readonly overflowLines: number;
  /** Canonical address → minute counts. */
  readonly counts: MinuteCounts;
}

const MINUTE_MS = 60_000;
const ISO_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const STATUS_DASH = -1;

/**
 * Counts requests and errors per client address and minute in one access log (ALB, CloudFront or AWS WAF; the format
 * is recognised from the first line). Built for throughput: fields are found with indexOf, never split or regex per
 * line; each distinct minute text and client address is validated once.
 */
export class LogCounter {
  private format: LogFormat | "unknown" = "unknown";
  private lines = 0;
  private badLines = 0;
  private headerLines = 0;
  private overflowLines = 0;
  private readonly v4 = new Map<number, number[]>();
  /** Other client texts (IPv6, or anything odd), validated once each in result(). */
  private readonly raw = new Map<string, number[]>();
  private lastMinuteText = "\u0000";
  private lastMinute = NaN;
  /** Field start offsets of the current ALB line (reused: no allocation per line). */
  private readonly starts = new Int32Array(13);
  private cf: { date: number; time: number; ip: number; status: number; width: number } | undefined;

  constructor(private readonly options: CounterOptions) {}

  readonly addLine = (line: string): void => {
    if (line.length === 0) return;
    this.lines++;
    if (this.format === "unknown") this.format = line.charCodeAt(0) === 35 /* # */ ? "cloudfront" : line.charCodeAt(0) === 123 /* { */ ? "waf" : "alb";
    const ok = this.format === "alb" ? this.alb(line) : this.format === "cloudfront" ? this.cloudFront(line) : this.waf(line);
    if (!ok) this.badLines++;
  };

  /** Addresses validated and canonicalised; lines of invalid addresses become bad lines. */
  result(): FileCounts {
    const counts: MinuteCounts = new Map();
    for (const [value, buckets] of this.v4) counts.set(`${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`, buckets);
    for (const [text, buckets] of this.raw) {
      const ip = parseIp(text);
      if (!ip.ok) {
        for (let i = 1; i < buckets.length; i += 3) this.badLines += buckets[i];
        continue;
      }
      const existing = counts.get(ip.value.text);
      if (!existing) counts.set(ip.value.text, buckets);
      else for (let i = 0; i < buckets.length; i += 3) addBucket(existing, buckets[i], buckets[i + 1], buckets[i + 2]);
    }
    return { format: this.format, lines: this.lines, badLines: this.badLines, headerLines: this.headerLines, overflowLines: this.overflowLines, counts };
  }

  // type time elb client:port target:port rpt tpt rspt elb_status target_status rcvd sent "request" "ua" … (newer
  // fields appended at the end are ignored)
  private alb(line: string): boolean {
    const starts = this.starts;
    let p = 0;
    for (let f = 1; f <= 12; f++) {
      const sp = line.indexOf(" ", p);
      if (sp < 0) return false;
      starts[f] = sp + 1;
      p = sp + 1;
    }
    // A line cut off before the end of its quoted request is truncated, even when the fields we count are there.
    if (line.charCodeAt(starts[12]) !== 34 /* " */ || line.indexOf('" "', starts[12] + 1) < 0) return false;
    if (starts[1] > 7) return false; // type is http, https, h2, grpcs, ws or wss
    const t = starts[1];
    const minute = line.startsWith(this.lastMinuteText, t) && line.charCodeAt(t + 16) === 58 ? this.lastMinute : this.minuteOf(line.slice(t, t + 16), line.charCodeAt(t + 16) === 58 /* : */);
    if (minute === undefined) return false;
    const clientEnd = starts[4] - 1;
    const colon = line.lastIndexOf(":", clientEnd - 1);
    const v4 = colon > starts[3] ? ipv4At(line, starts[3], colon) : -1;
    const client = v4 >= 0 ? v4 : hostOf(line, starts[3], clientEnd);
    if (client === undefined) return false;
    const elb = status(line, starts[8], starts[9] - 1);
    const target = status(line, starts[9], starts[10] - 1);
    if (elb === undefined || target === undefined) return false;
    // Errors on the target's status only: the load balancer's own answers (WAF 403s among them) have target "-".
    this.count(client, minute, target !== STATUS_DASH && this.options.albErrorCodes.has(target));
    return true;
  }

  private cloudFront(line: string): boolean {
    if (line.charCodeAt(0) === 35) {
      this.headerLines++;
      if (line.startsWith("#Fields:")) {
        const names = line.slice(8).trim().split(/\s+/);
        const at = (n: string) => names.indexOf(n);
        this.cf = { date: at("date"), time: at("time"), ip: at("c-ip"), status: at("sc-status"), width: names.length };
        if (this.cf.date < 0 || this.cf.time < 0 || this.cf.ip < 0 || this.cf.status < 0) this.cf = undefined;
      }
      return true;
    }
    const cf = this.cf;
    if (!cf) return false;
    const need = Math.max(cf.date, cf.time, cf.ip, cf.status);
    let date = "", time = "";
    let ipFrom = -1, ipTo = -1;
    let code: number | undefined;
    let start = 0;
    for (let i = 0; i <= need; i++) {
      let tab = line.indexOf("\t", start);
      if (tab < 0) {
        if (i < need) return false;
        tab = line.length;
      }
      if (i === cf.date) date = line.slice(start, tab);
      else if (i === cf.time) time = line.slice(start, tab);
      else if (i === cf.ip) {
        ipFrom = start;
        ipTo = tab;
      }
      else if (i === cf.status) code = status(line, start, tab);
      start = tab + 1;
    }
    if (code === undefined || date.length !== 10 || time.length < 5 || ipTo - ipFrom < 2 || ipTo - ipFrom > 45) return false;
    const minute = this.minuteOf(`${date}T${time.slice(0, 5)}`, true);
    if (minute === undefined) return false;
    const v4 = ipv4At(line, ipFrom, ipTo);
    this.count(v4 >= 0 ? v4 : line.slice(ipFrom, ipTo), minute, code !== STATUS_DASH && this.options.cloudFrontErrorCodes.has(code));
    return true;
  }

  // AWS WAF logs carry no response status: they feed the request (flood) count only.
  private waf(line: string): boolean {
    let entry: any;
    try {
      entry = JSON.parse(line);
    } catch {
      return false;
    }
    const ts = entry?.timestamp;
    const ip = entry?.httpRequest?.clientIp;
    if (typeof ts !== "number" || !Number.isFinite(ts) || typeof ip !== "string" || ip.length === 0 || ip.length > 45) return false;
    this.count(ip, Math.floor(ts / MINUTE_MS), false);
    return true;
  }

  /** "YYYY-MM-DDTHH:MM" → epoch minute; the last one is remembered (a log's lines share a handful of minutes). */
  private minuteOf(text: string, followedWell: boolean): number | undefined {
    if (!followedWell) return undefined;
    if (text === this.lastMinuteText) return this.lastMinute;
    if (!ISO_MINUTE.test(text)) return undefined;
    const ms = Date.parse(`${text}:00Z`);
    if (!Number.isFinite(ms)) return undefined;
    this.lastMinuteText = text;
    this.lastMinute = ms / MINUTE_MS;
    return this.lastMinute;
  }

  /** IPv4 clients are keyed by their 32-bit value (parsed while scanning: no string hashing per line). */
  private count(ip: number | string, minute: number, error: boolean): void {
    let buckets = typeof ip === "number" ? this.v4.get(ip) : this.raw.get(ip);
    if (!buckets) {
      if (this.v4.size + this.raw.size >= this.options.maxAddresses) {
        this.overflowLines++;
        return;
      }
      buckets = [];
      if (typeof ip === "number") this.v4.set(ip, buckets);
      else this.raw.set(ip, buckets);
    }
    addBucket(buckets, minute, 1, error ? 1 : 0);
  }
}

function addBucket(buckets: number[], minute: number, requests: number, errors: number): void {
  for (let i = 0; i < buckets.length; i += 3) {
    if (buckets[i] === minute) {
      buckets[i + 1] += requests;
      buckets[i + 2] += errors;
      return;
    }
  }
  buckets.push(minute, requests, errors);
}

/** The dotted-quad IPv4 address in line[from, to) as a 32-bit number, or -1 (then validated the slow way). */
function ipv4At(line: string, from: number, to: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits === 3 || (digits === 1 && octet === 0)) return -1;
      octet = octet * 10 + (c - 48);
      if (octet > 255) return -1;
      digits++;
    } else return -1;
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : -1;
}

/** A three-digit status, or "-" (STATUS_DASH); anything else is undefined (a bad line). */
function status(line: string, from: number, to: number): number | undefined {
  if (to - from === 1 && line.charCodeAt(from) === 45) return STATUS_DASH;
  if (to - from !== 3) return undefined;
  const a = line.charCodeAt(from) - 48, b = line.charCodeAt(from + 1) - 48, c = line.charCodeAt(from + 2) - 48;
  if (a < 1 || a > 5 || b < 0 || b > 9 || c < 0 || c > 9) return undefined;
  return a * 100 + b * 10 + c;
}

/** The address of "ip:port" or "[ipv6]:port" (validated later, once per distinct text). */
function hostOf(line: string, from: number, to: number): string | undefined {
  if (to - from < 3 || to - from > 52) return undefined;
  if (line.charCodeAt(from) === 91 /* [ */) {
    const close = line.indexOf("]", from);
    return close > from && close < to ? line.slice(from + 1, close) : undefined;
  }
  const colon = line.lastIndexOf(":", to - 1);
  return colon > from ? line.slice(from, colon) : undefined;
}
