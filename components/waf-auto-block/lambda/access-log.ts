import type { Readable } from "node:stream";
import { ipv4Number, parseIp } from "../../shared/net/cidr";
import { forEachGunzipped } from "../../shared/runtime/gunzip";

export type LogFormat = "alb" | "cloudfront" | "waf";

/**
 * Lines longer than this many bytes are not log lines: dropped as bad without being buffered. A quarter of gunzip's
 * buffer (GUNZIP_BUFFER_BYTES): a kept partial line leaves room for a large piece of output after it.
 */
export const MAX_LINE_BYTES = 64 * 1024;

const NO_INPUT = Buffer.alloc(0);

/** One line: bytes[start, end), without its newline. Valid during the call only: the bytes are overwritten after it. */
export type LineHandler = (bytes: Buffer, start: number, end: number) => void;

/**
 * Calls `onLine` for every line of a gzip stream, in place in gunzip's one fixed buffer (shared/runtime/gunzip.ts),
 * where a partial line waits for the rest of its bytes: memory stays flat however large the file, and nothing is
 * allocated per line.
 */
export async function forEachGzipLine(body: Readable, onLine: LineHandler, onOverlong: () => void = () => {}): Promise<void> {
  /** buffer[0, kept) is the start of a line whose newline has not been inflated yet. */
  let kept = 0;
  let skipping = false;
  let buffer: Buffer = NO_INPUT;
  await forEachGunzipped(body, (out, from, end) => {
    buffer = out;
    const view = out.subarray(0, end);
    let start = 0;
    let nl = view.indexOf(10, from);
    if (skipping) {
      if (nl < 0) return 0;
      skipping = false;
      start = nl + 1;
      nl = view.indexOf(10, start);
    }
    while (nl >= 0) {
      onLine(out, start, nl);
      start = nl + 1;
      nl = view.indexOf(10, start);
    }
    kept = end - start;
    if (kept > MAX_LINE_BYTES) {
      kept = 0;
      skipping = true;
      onOverlong();
    } else if (kept > 0) out.copyWithin(0, start, end);
    return kept;
  });
  if (kept > 0) onLine(buffer, 0, kept);
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

/**
 * A row: the address's key, then inline [minute, requests, errors] buckets for the five minutes of a 5-minute log (an
 * address seen in more minutes of one file keeps the rest aside). 16 ints: one 64-byte cache line's worth.
 */
const STRIDE = 16;

/**
 * Per address, per minute (epoch minute): requests and errors. Built for a million lines a file: addresses live in
 * rows of one Int32Array (a few inline [minute, requests, errors] buckets each), IPv4 rows found through an
 * open-addressing table of their 32-bit values, other rows through one of their texts' characters (found from a
 * line's bytes), so counting a line touches no Map and allocates nothing; IPv4 address texts are built only for the
 * rows someone asks about.
 */
export class MinuteCounts implements Iterable<[string, number[]]> {
  /**
   * Rows of STRIDE ints: the key (the IPv4 value, or the index of its text in `texts` for other rows, then `isText`
   * is 1), then the buckets.
   */
  private data = new Int32Array(STRIDE * 1024);
  private isText = new Uint8Array(1024);
  /** Rows no longer counted (an invalid address, or merged into another row). */
  private readonly dead = new Set<number>();
  private readonly texts: string[] = [];
  /** Open addressing over the text rows by a hash of their characters (textHash, bytesHash): row + 1 (0: empty). */
  private textSlots = new Int32Array(1 << 10);
  private textShift = 22;
  /** Buckets past the inline ones, per row. */
  private readonly more = new Map<number, number[]>();
  /** Open addressing over IPv4 rows (Fibonacci hashing, at most half full): row + 1 (0: empty). */
  private slots = new Int32Array(1 << 12);
  /** 32 minus log2 of the slot count. */
  private shift = 20;
  private rows = 0;

  /** Distinct addresses counted. */
  get size(): number {
    return this.rows - this.dead.size;
  }

  /** The row of an IPv4 value (as a signed 32-bit int), created when `create`; -1 when absent. */
  v4Row(value: number, create: boolean): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let at = Math.imul(value, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const r = slots[at];
      if (r === 0) break;
      // The key is the row's first int: the probe and the count touch the same line.
      if (this.data[(r - 1) * STRIDE] === value) return r - 1;
      at = (at + 1) & mask;
    }
    if (!create) return -1;
    const row = this.newRow(value, 0);
    slots[at] = row + 1;
    if (this.rows * 2 > slots.length) this.rehash();
    return row;
  }

  /**
   * Reads the table slot, then the row, of each key among keys[0, n) (an IPv4 value where kinds[k] is 0, a row where
   * it is 1), touching memory only: independent loads, so their cache misses overlap and the counting that follows
   * finds them cached.
   */
  touch(kinds: Uint8Array, keys: Int32Array, n: number): number {
    const slots = this.slots;
    const data = this.data;
    const shift = this.shift;
    let sum = 0;
    for (let k = 0; k < n; k++) if (kinds[k] === 0) sum ^= slots[Math.imul(keys[k], 0x9e3779b1) >>> shift];
    for (let k = 0; k < n; k++) {
      const r = kinds[k] === 0 ? slots[Math.imul(keys[k], 0x9e3779b1) >>> shift] : kinds[k] === 1 ? keys[k] + 1 : 0;
      if (r > 0) sum ^= data[(r - 1) * STRIDE];
    }
    return sum;
  }

  /** The row of an address text that is not a plain IPv4 address (validated later, in `settle`). */
  textRow(text: string, create: boolean): number {
    const at = this.textSlot(textHash(text), text, NO_INPUT, 0, 0);
    const r = this.textSlots[at];
    if (r !== 0 || !create) return r - 1;
    this.texts.push(text);
    const row = this.newRow(this.texts.length - 1, 1);
    this.textSlots[at] = row + 1;
    if (this.texts.length * 2 > this.textSlots.length) this.rehashTexts();
    return row;
  }

  /** The row of the address text line[from, to) (latin1) if there is one, found without making a string. */
  textRowAt(line: Buffer, from: number, to: number): number {
    return this.textSlots[this.textSlot(bytesHash(line, from, to), undefined, line, from, to)] - 1;
  }

  /** The slot of the text row equal to `text` (or to line[from, to) when `text` is undefined), else the empty slot for it. */
  private textSlot(hash: number, text: string | undefined, line: Buffer, from: number, to: number): number {
    const slots = this.textSlots;
    const mask = slots.length - 1;
    let at = Math.imul(hash, 0x9e3779b1) >>> this.textShift;
    for (;;) {
      const r = slots[at];
      if (r === 0) return at;
      const known = this.texts[this.data[(r - 1) * STRIDE]];
      if (text === undefined ? sameLatin1(known, line, from, to) : known === text) return at;
      at = (at + 1) & mask;
    }
  }

  add(row: number, minute: number, requests: number, errors: number): void {
    const data = this.data;
    const end = row * STRIDE + STRIDE;
    for (let i = row * STRIDE + 1; i < end; i += 3) {
      const m = data[i];
      if (m === minute) {
        data[i + 1] += requests;
        data[i + 2] += errors;
        return;
      }
      if (m === 0) {
        data[i] = minute;
        data[i + 1] = requests;
        data[i + 2] = errors;
        return;
      }
    }
    const more = this.more.get(row) ?? [];
    this.more.set(row, more);
    addBucket(more, minute, requests, errors);
  }

  /** [minute, requests, errors] triples of a row, in `out` (emptied first) or a fresh array. */
  buckets(row: number, out: number[] = []): number[] {
    out.length = 0;
    for (let i = row * STRIDE + 1; i < row * STRIDE + STRIDE && this.data[i] !== 0; i += 3) out.push(this.data[i], this.data[i + 1], this.data[i + 2]);
    const more = this.more.get(row);
    if (more) out.push(...more);
    return out;
  }

  /** The canonical text of a row's address. */
  address(row: number): string {
    const v = this.data[row * STRIDE];
    if (this.isText[row] === 1) return this.texts[v];
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }

  /** Calls `fn` with every live row. */
  forEachRow(fn: (row: number) => void): void {
    for (let row = 0; row < this.rows; row++) if (!this.dead.has(row)) fn(row);
  }

  /** Drops the rows whose address `skip` names (trusted proxies, after the count): returns how many. */
  drop(skip: (address: string) => boolean): number {
    let dropped = 0;
    this.forEachRow((row) => {
      if (!skip(this.address(row))) return;
      this.dead.add(row);
      dropped++;
    });
    return dropped;
  }

  get(ip: string): number[] | undefined {
    const v4 = ipv4Number(ip) ?? -1;
    const row = v4 >= 0 ? this.v4Row(v4 | 0, false) : this.textRow(ip, false);
    return row < 0 || this.dead.has(row) ? undefined : this.buckets(row);
  }

  *[Symbol.iterator](): Iterator<[string, number[]]> {
    for (let row = 0; row < this.rows; row++) if (!this.dead.has(row)) yield [this.address(row), this.buckets(row)];
  }

  /**
   * Validates and canonicalises the text rows once each: an invalid address's requests are returned (as bad lines),
   * spellings of one address are merged into one row.
   */
  settle(): number {
    let bad = 0;
    // The text rows there are now, in the order they came (rows made here are canonical already).
    for (let row = 0, rows = this.rows; row < rows; row++) {
      if (this.isText[row] !== 1 || this.dead.has(row)) continue;
      const text = this.texts[this.data[row * STRIDE]];
      const ip = parseIp(text);
      const triples = this.buckets(row);
      if (!ip.ok) {
        for (let i = 1; i < triples.length; i += 3) bad += triples[i];
        this.dead.add(row);
        continue;
      }
      const v4 = ip.value.version === 4 ? (ipv4Number(ip.value.text) ?? -1) : -1;
      if (v4 < 0 && ip.value.text === text) continue;
      const target = v4 >= 0 ? this.v4Row(v4 | 0, true) : this.textRow(ip.value.text, true);
      if (target === row) continue;
      for (let i = 0; i < triples.length; i += 3) this.add(target, triples[i], triples[i + 1], triples[i + 2]);
      this.dead.add(row);
    }
    return bad;
  }

  private newRow(key: number, isText: number): number {
    const row = this.rows++;
    if (row === this.isText.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, n: number): T => {
        const b = new (a.constructor as new (n: number) => T)(n);
        b.set(a);
        return b;
      };
      this.isText = grow(this.isText, row * 2);
      this.data = grow(this.data, row * 2 * STRIDE);
    }
    this.data[row * STRIDE] = key;
    this.isText[row] = isText;
    return row;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.shift--;
    for (let row = 0; row < this.rows; row++) {
      if (this.isText[row] === 1) continue;
      let at = Math.imul(this.data[row * STRIDE], 0x9e3779b1) >>> this.shift;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = row + 1;
    }
    this.slots = slots;
  }

  private rehashTexts(): void {
    const slots = new Int32Array(this.textSlots.length * 2);
    const mask = slots.length - 1;
    this.textShift--;
    for (let row = 0; row < this.rows; row++) {
      if (this.isText[row] !== 1) continue;
      let at = Math.imul(textHash(this.texts[this.data[row * STRIDE]]), 0x9e3779b1) >>> this.textShift;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = row + 1;
    }
    this.textSlots = slots;
  }
}

/** FNV-1a over a text's character codes; bytesHash gives the same for the latin1 bytes of the same text. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function bytesHash(line: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ line[i], 0x01000193);
  return h;
}

function sameLatin1(text: string, line: Buffer, from: number, to: number): boolean {
  if (text.length !== to - from) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== line[from + i]) return false;
  return true;
}

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
/** Lines counted together (see LogCounter.apply), each client as: */
const BATCH = 128;
const V4 = 0;
const ROW = 1;
const TEXT = 2;
const ISO_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const STATUS_DASH = -1;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;

/**
 * Counts requests and errors per client address and minute in one access log (ALB, CloudFront or AWS WAF; the format
 * is recognised from the first line). Built for throughput: lines are read as bytes in place in gunzip's buffer, fields
 * found by scanning and compared in place, nothing allocated per line; each distinct minute and client address text
 * is validated once.
 */
export class LogCounter {
  private format: LogFormat | "unknown" = "unknown";
  private lines = 0;
  private badLines = 0;
  private headerLines = 0;
  private overflowLines = 0;
  private readonly counts = new MinuteCounts();
  private lastMinuteText = "\u0000";
  private lastMinute = NaN;
  /** The characters the last minute was read from (ALB: "YYYY-MM-DDTHH:MM"; CloudFront: date, then "HH:MM" at 11). */
  private readonly minuteBytes = new Uint8Array(16);
  /** Counts waiting for `apply`: client (kind, then an IPv4 value, a row or a text), minute, errors. */
  private queued = 0;
  private readonly queuedKind = new Uint8Array(BATCH);
  private readonly queuedKey = new Int32Array(BATCH);
  private readonly queuedText: Array<string | undefined> = new Array<string | undefined>(BATCH).fill(undefined);
  private readonly queuedMinute = new Int32Array(BATCH);
  private readonly queuedError = new Uint8Array(BATCH);
  /** What `touch` read, kept so the reads are not optimised away. */
  private touched = 0;
  private cf: { date: number; time: number; ip: number; status: number; width: number } | undefined;

  constructor(private readonly options: CounterOptions) {}

  readonly addLine: LineHandler = (line, from, end) => {
    if (end === from) return;
    this.lines++;
    if (this.format === "unknown") this.format = line[from] === 35 /* # */ ? "cloudfront" : line[from] === 123 /* { */ ? "waf" : "alb";
    const ok = this.format === "alb" ? this.alb(line, from, end) : this.format === "cloudfront" ? this.cloudFront(line, from, end) : this.waf(line, from, end);
    if (!ok) this.badLines++;
  };

  /** Addresses validated and canonicalised; lines of invalid addresses become bad lines. */
  result(): FileCounts {
    this.apply();
    this.badLines += this.counts.settle();
    return { format: this.format, lines: this.lines, badLines: this.badLines, headerLines: this.headerLines, overflowLines: this.overflowLines, counts: this.counts };
  }

  // type time elb client:port target:port rpt tpt rspt elb_status target_status rcvd sent "request" "ua" … (newer
  // fields appended at the end are ignored). Only the first dozen fields are scanned; the statuses are read in place.
  private alb(line: Buffer, from: number, end: number): boolean {
    const s1 = indexIn(line, SPACE, from, Math.min(end, from + 7));
    if (s1 <= from) return false; // type is http, https, h2, grpcs, ws or wss
    const t = s1 + 1;
    if (t + 16 >= end || line[t + 16] !== 58 /* : */) return false;
    const s2 = indexIn(line, SPACE, t, end);
    const s3 = s2 < 0 ? -1 : indexIn(line, SPACE, s2 + 1, end);
    const s4 = s3 < 0 ? -1 : indexIn(line, SPACE, s3 + 1, end);
    if (s4 < 0) return false;
    // Fields 5 to 8 (target, processing times), then the two statuses read in place.
    let p = s4;
    for (let f = 5; f <= 8; f++) {
      p = indexIn(line, SPACE, p + 1, end);
      if (p < 0) return false;
    }
    const e = p + 1;
    const elb = statusAt(line, e, end);
    if (elb === undefined) return false;
    const g = e + (elb === STATUS_DASH ? 2 : 4);
    const target = statusAt(line, g, end);
    if (target === undefined) return false;
    // received and sent bytes, then the quoted request, which must be complete (a cut-off line is bad).
    const r = g + (target === STATUS_DASH ? 2 : 4);
    const s11 = indexIn(line, SPACE, r, end);
    const q = s11 < 0 ? -1 : indexIn(line, SPACE, s11 + 1, end) + 1;
    if (q <= 0 || line[q] !== QUOTE || !closedAfter(line, q, end)) return false;
    const minute = this.sameMinute(line, t, 16, 0) ? this.lastMinute : this.minuteOf(line.toString("latin1", t, t + 16));
    if (minute === undefined) return false;
    const v4 = ipv4PortAt(line, s3 + 1, s4);
    const host = v4 >= 0 ? -1 : hostEnd(line, s3 + 1, s4);
    if (v4 < 0 && host < 0) return false;
    // Errors on the target's status only: the load balancer's own answers (WAF 403s among them) have target "-".
    const error = target !== STATUS_DASH && this.options.albErrorCodes.has(target);
    if (v4 >= 0) this.count(v4, minute, error);
    else this.countText(line, line[s3 + 1] === 91 ? s3 + 2 : s3 + 1, host, minute, error);
    return true;
  }

  private cloudFront(line: Buffer, from: number, end: number): boolean {
    if (line[from] === 35) {
      this.headerLines++;
      const header = line.toString("utf8", from, end);
      if (header.startsWith("#Fields:")) {
        const names = header.slice(8).trim().split(/\s+/);
        const at = (n: string) => names.indexOf(n);
        this.cf = { date: at("date"), time: at("time"), ip: at("c-ip"), status: at("sc-status"), width: names.length };
        if (this.cf.date < 0 || this.cf.time < 0 || this.cf.ip < 0 || this.cf.status < 0) this.cf = undefined;
      }
      return true;
    }
    const cf = this.cf;
    if (!cf) return false;
    const need = Math.max(cf.date, cf.time, cf.ip, cf.status);
    // Offsets only: the date and time are compared in place with the last line's (a file holds a few minutes).
    let dateFrom = -1, dateTo = -1, timeFrom = -1, timeTo = -1, ipFrom = -1, ipTo = -1;
    let code: number | undefined;
    let start = from;
    for (let i = 0; i <= need; i++) {
      let tab = indexIn(line, TAB, start, end);
      if (tab < 0) {
        if (i < need) return false;
        tab = end;
      }
      if (i === cf.date) {
        dateFrom = start;
        dateTo = tab;
      } else if (i === cf.time) {
        timeFrom = start;
        timeTo = tab;
      } else if (i === cf.ip) {
        ipFrom = start;
        ipTo = tab;
      } else if (i === cf.status) code = noResponse(line, start, tab) ? STATUS_DASH : status(line, start, tab);
      start = tab + 1;
    }
    if (code === undefined || dateTo - dateFrom !== 10 || timeTo - timeFrom < 5 || ipTo - ipFrom < 2 || ipTo - ipFrom > 45) return false;
    const minute = this.sameMinute(line, dateFrom, 10, 0) && this.sameMinute(line, timeFrom, 5, 11) ? this.lastMinute : this.minuteOf(`${line.toString("latin1", dateFrom, dateTo)}T${line.toString("latin1", timeFrom, timeFrom + 5)}`);
    if (minute === undefined) return false;
    const v4 = ipv4At(line, ipFrom, ipTo);
    const error = code !== STATUS_DASH && this.options.cloudFrontErrorCodes.has(code);
    if (v4 >= 0) this.count(v4, minute, error);
    else this.countText(line, ipFrom, ipTo, minute, error);
    return true;
  }

  // AWS WAF logs carry no response status: they feed the request (flood) count only.
  private waf(line: Buffer, from: number, end: number): boolean {
    let entry: any;
    try {
      entry = JSON.parse(line.toString("utf8", from, end));
    } catch {
      return false;
    }
    const ts = entry?.timestamp;
    const ip = entry?.httpRequest?.clientIp;
    if (typeof ts !== "number" || !(ts >= MINUTE_MS && ts < 2 ** 31 * MINUTE_MS) || typeof ip !== "string" || ip.length === 0 || ip.length > 45) return false;
    const v4 = ipv4Number(ip) ?? -1;
    this.count(v4 >= 0 ? v4 : ip, Math.floor(ts / MINUTE_MS), false);
    return true;
  }

  /** Whether line[at, at + n) holds the characters the last minute was read from, at `key` in them. */
  private sameMinute(line: Buffer, at: number, n: number, key: number): boolean {
    const last = this.minuteBytes;
    for (let i = 0; i < n; i++) if (line[at + i] !== last[key + i]) return false;
    return true;
  }

  /** "YYYY-MM-DDTHH:MM" → epoch minute, remembered with its characters when valid (a log's lines share a handful of minutes). */
  private minuteOf(text: string): number | undefined {
    if (text !== this.lastMinuteText) {
      if (!ISO_MINUTE.test(text)) return undefined;
      const ms = Date.parse(`${text}:00Z`);
      if (!(ms > 0)) return undefined;
      this.lastMinuteText = text;
      this.lastMinute = ms / MINUTE_MS;
    }
    for (let i = 0; i < 16; i++) this.minuteBytes[i] = text.charCodeAt(i);
    return this.lastMinute;
  }

  /** Queues a line's count for a client given as an IPv4 value (parsed while scanning) or as a text. */
  private count(ip: number | string, minute: number, error: boolean): void {
    if (typeof ip === "number") this.queue(V4, ip | 0, undefined, minute, error);
    else this.queue(TEXT, 0, ip, minute, error);
  }

  /** Queues a line's count for the client text line[from, to): a known one by its row, without making a string. */
  private countText(line: Buffer, from: number, to: number, minute: number, error: boolean): void {
    const row = this.counts.textRowAt(line, from, to);
    if (row >= 0) this.queue(ROW, row, undefined, minute, error);
    else this.queue(TEXT, 0, line.toString("latin1", from, to), minute, error);
  }

  private queue(kind: number, key: number, text: string | undefined, minute: number, error: boolean): void {
    const n = this.queued++;
    this.queuedKind[n] = kind;
    this.queuedKey[n] = key;
    this.queuedText[n] = text;
    this.queuedMinute[n] = minute;
    this.queuedError[n] = error ? 1 : 0;
    if (this.queued === BATCH) this.apply();
  }

  /**
   * Applies the queued counts in line order, after reading their IPv4 table slots and rows in passes of independent
   * loads: the batch's cache misses (one or two a line, the table being several MiB) are waited for together, not
   * one line after another.
   */
  private apply(): void {
    const n = this.queued;
    this.queued = 0;
    this.touched ^= this.counts.touch(this.queuedKind, this.queuedKey, n);
    for (let k = 0; k < n; k++) {
      const kind = this.queuedKind[k];
      const key = this.queuedKey[k];
      const text = this.queuedText[k];
      let row = kind === ROW ? key : kind === V4 ? this.counts.v4Row(key, false) : this.counts.textRow(text!, false);
      if (row < 0) {
        if (this.counts.size >= this.options.maxAddresses) {
          this.overflowLines++;
          continue;
        }
        row = kind === V4 ? this.counts.v4Row(key, true) : this.counts.textRow(text!, true);
      }
      this.counts.add(row, this.queuedMinute[k], 1, this.queuedError[k]);
    }
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

/** The first `code` in line[from, to), or -1. A plain loop: fields are short, and a builtin call costs more than the scan. */
function indexIn(line: Buffer, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (line[i] === code) return i;
  return -1;
}

/**
 * The dotted-quad IPv4 address in line[from, to) as a 32-bit number, or -1 (then validated the slow way): the bytes'
 * twin of cidr.ts's `ipv4Number`, which reads addresses that arrive as strings (WAF logs, lookups).
 */
function ipv4At(line: Buffer, from: number, to: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = line[i];
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

/**
 * Whether a quote follows the one at `q`, so the quoted request is complete (a line cut off inside it is bad). Found
 * from the end: a whole ALB line ends a few bytes after its last quote.
 */
function closedAfter(line: Buffer, q: number, end: number): boolean {
  for (let i = end - 1, stop = Math.max(q + 1, end - 64); i >= stop; i--) if (line[i] === QUOTE) return true;
  return end - 64 > q + 1 && indexIn(line, QUOTE, q + 1, end) >= 0;
}

/** "a.line.c.d:port" in line[from, to) as the address's 32-bit number, or -1 (then read the slow way). */
function ipv4PortAt(line: Buffer, from: number, to: number): number {
  let colon = from + 6;
  while (colon < to && colon < from + 16 && line[colon] !== 58) colon++;
  if (colon >= to || line[colon] !== 58 || to - colon < 2 || to - colon > 6) return -1;
  for (let i = colon + 1; i < to; i++) {
    const c = line[i];
    if (c < 48 || c > 57) return -1;
  }
  return ipv4At(line, from, colon);
}

/** The status field starting at `at` and ending in a space: three digits, or "-"; anything else is undefined. */
function statusAt(line: Buffer, at: number, end: number): number | undefined {
  if (at + 1 < end && line[at] === 45 && line[at + 1] === SPACE) return STATUS_DASH;
  return at + 3 < end && line[at + 3] === SPACE ? status(line, at, at + 3) : undefined;
}

/**
 * CloudFront's sc-status "000": the viewer closed the connection before CloudFront could respond (CloudFront standard
 * log fields). A request all the same: a flood of aborted requests is still a flood.
 */
function noResponse(line: Buffer, from: number, to: number): boolean {
  return to - from === 3 && line[from] === 48 && line[from + 1] === 48 && line[from + 2] === 48;
}

/** A three-digit status, or "-" (STATUS_DASH); anything else is undefined (a bad line). */
function status(line: Buffer, from: number, to: number): number | undefined {
  if (to - from === 1 && line[from] === 45) return STATUS_DASH;
  if (to - from !== 3) return undefined;
  const x = line[from] - 48, y = line[from + 1] - 48, z = line[from + 2] - 48;
  if (x < 1 || x > 5 || y < 0 || y > 9 || z < 0 || z > 9) return undefined;
  return x * 100 + y * 10 + z;
}

/**
 * Where the address of "ip:port" or "[ipv6]:port" in line[from, to) ends, or -1; it starts at `from`, after the
 * bracket if any (validated later, once per distinct text).
 */
function hostEnd(line: Buffer, from: number, to: number): number {
  if (to - from < 3 || to - from > 52) return -1;
  if (line[from] === 91 /* [ */) {
    const close = indexIn(line, 93 /* ] */, from, to);
    return close > from ? close : -1;
  }
  let colon = to - 1;
  while (colon > from && line[colon] !== 58) colon--;
  return colon > from ? colon : -1;
}
