import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { DEFAULT_COUNTER_OPTIONS, forEachGzipLine, LogCounter, MAX_LINE_BYTES, MinuteCounts, type CounterOptions, type FileCounts } from "../../components/waf-auto-block/lambda/access-log";
import { runs } from "../harness/properties";

/*
 * The access-log counter against an oracle written from the documented formats (ALB "Access log entries", CloudFront
 * "Standard log file fields", AWS WAF "Log fields"; ../shared/reference/event-formats.md section 6), never from the
 * parser: lines are generated from their records (client, minute, status), some spoiled in a documented field, and
 * the counts expected are the records' own. Addresses are canonicalised by Node's WHATWG URL serialiser (RFC 5952).
 */

type Format = "alb" | "cloudfront" | "waf";

interface Client {
  /** As written in the log. */
  readonly written: string;
  /** What the counts must be keyed by. */
  readonly canonical: string;
  readonly v6: boolean;
}

interface Line {
  readonly text: string;
  /** undefined: a line the documented format does not allow (counted as bad). */
  readonly record?: { client: string; minute: number; status: number | "-" };
}

const octet = fc.integer({ min: 0, max: 255 });
const group = fc.integer({ min: 0, max: 0xffff });

const v4Client: fc.Arbitrary<Client> = fc.tuple(octet, octet, octet, octet).map((o) => ({ written: o.join("."), canonical: o.join("."), v6: false }));

/** An IPv6 address in one of the spellings RFC 4291 allows: full, zero-padded, upper-case or compressed. */
const v6Client: fc.Arbitrary<Client> = fc
  .tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.constantFrom("full", "padded", "upper", "url"), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 4 }))
  .map(([groups, spelling, zeroFrom, zeroes]) => {
    // Runs of zero groups, so the compressed forms ("::" anywhere) are reached.
    const g = groups.map((v, i) => (i >= zeroFrom && i < zeroFrom + zeroes ? 0 : v));
    if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && (g[5] === 0xffff || g[5] === 0)) g[0] = 0x2001;
    const canonical = new URL(`http://[${g.map((v) => v.toString(16)).join(":")}]/`).hostname.slice(1, -1);
    const written =
      spelling === "full" ? g.map((v) => v.toString(16)).join(":") : spelling === "padded" ? g.map((v) => v.toString(16).padStart(4, "0")).join(":") : spelling === "upper" ? canonical.toUpperCase() : canonical;
    return { written, canonical, v6: true };
  });

/** An IPv4-mapped IPv6 address (RFC 4291 2.5.5.2): counted as the IPv4 address it carries. */
const mappedClient: fc.Arbitrary<Client> = fc.tuple(octet, octet, octet, octet).map((o) => ({ written: `::ffff:${o.join(".")}`, canonical: o.join("."), v6: true }));

const client = fc.oneof({ weight: 6, arbitrary: v4Client }, { weight: 3, arbitrary: v6Client }, { weight: 1, arbitrary: mappedClient });

/** Epoch minutes from 2001 to 2099: every field of the date and time takes all its values. */
const epochMinute = fc.integer({ min: Date.UTC(2001, 0, 1) / 60_000, max: Date.UTC(2099, 11, 31, 23, 59) / 60_000 });
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const dateOf = (m: number) => new Date(m * 60_000).toISOString().slice(0, 10);
const hhmmOf = (m: number) => new Date(m * 60_000).toISOString().slice(11, 16);

/** HTTP status codes are three digits, 100 to 599 (RFC 9110 15); "-" where the log says no response came. */
const statusCode = fc.oneof(fc.constantFrom(200, 301, 400, 401, 403, 404, 405, 500, 502), fc.integer({ min: 100, max: 599 }));
const badStatus = fc.constantFrom("20", "2000", "OK", "600", "099", "2O0", "", "--", "4x4", "00", "0000");
const badTime = (m: number) => {
  const d = dateOf(m);
  return fc.constantFrom(`${d.slice(0, 5)}13${d.slice(7)}T10:00:00.000000Z`, `${d.slice(0, 5)}00${d.slice(7)}T10:00:00.000000Z`, `${d.slice(0, 8)}32T10:00:00.000000Z`, `${d.slice(0, 8)}00T10:00:00.000000Z`, `${d}T25:00:00.000000Z`, `${d}T10:60:00.000000Z`, `${d}T1O:00:00.000000Z`, `${d}X10:00:00.000000Z`, "yesterday", `${d}T10:00`);
};
const badV4Client = fc.constantFrom("256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "1..2.3", "a.b.c.d", "host.example.com", "", "::g", "2001:db8:::1", "1:2:3:4:5:6:7:8:9");

// ALB: type time elb client:port target:port request_processing_time target_processing_time response_processing_time
// elb_status_code target_status_code received_bytes sent_bytes "request" "user_agent" …, newer fields appended.
const ALB_TYPES = ["http", "https", "h2", "grpcs", "ws", "wss"];
const albTail = ` "GET https://example.com:443/x?a=b HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "www.example.com" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd5678ef90`;

interface AlbParts {
  type: string;
  time: string;
  client: string;
  target: string;
  elb: string;
  status: string;
  tail: string;
}
const albText = (p: AlbParts) => `${p.type} ${p.time} app/my-lb/50dc6c495c0c9188 ${p.client} ${p.target} 0.000 0.001 0.000 ${p.elb} ${p.status} 34 366${p.tail}`;

const albLine: fc.Arbitrary<Line> = fc
  .record({
    type: fc.constantFrom(...ALB_TYPES),
    client,
    port: fc.integer({ min: 0, max: 65535 }),
    minute: epochMinute,
    seconds: fc.integer({ min: 0, max: 59 }),
    micros: fc.integer({ min: 0, max: 999_999 }),
    elb: statusCode,
    status: fc.oneof(statusCode.map((s): number | "-" => s), fc.constant<"-">("-")),
    newer: fc.integer({ min: 0, max: 3 }),
    spoil: fc.oneof({ weight: 6, arbitrary: fc.constant("none") }, { weight: 4, arbitrary: fc.constantFrom("type", "time", "client", "elb", "status", "request", "cut", "fields") }),
    spoilWith: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((r) => fc.tuple(fc.constant(r), badTime(r.minute), badStatus, badV4Client, fc.nat()))
  .map(([r, time, status, badClient, cut]): Line => {
    // ALB writes an IPv6 client unbracketed ("2001:db8::1:40000", the port after the last colon); brackets are read too.
    const host = r.client.v6 && r.port % 4 === 0 ? `[${r.client.written}]` : r.client.written;
    const parts: AlbParts = {
      type: r.type,
      time: `${dateOf(r.minute)}T${hhmmOf(r.minute)}:${pad(r.seconds)}.${pad(r.micros, 6)}Z`,
      client: `${host}:${r.port}`,
      target: r.status === "-" ? "-" : "10.0.0.1:80",
      elb: String(r.elb),
      status: String(r.status),
      // Newer logs append fields; the oldest end after the request (or with the user agent and TLS fields).
      // The third form ends in the unquoted target group ARN: no quote in the line's last 64 bytes.
      tail: [albTail.slice(0, albTail.indexOf('" "') + 1), albTail.slice(0, albTail.indexOf(" arn:")), albTail, albTail.slice(0, albTail.indexOf(' "Root='))][r.newer],
    };
    const record = { client: r.client.canonical, minute: r.minute, status: r.status };
    switch (r.spoil) {
      case "type":
        // Longer than any documented type (http, https, h2, grpcs, ws, wss), or none.
        return { text: albText({ ...parts, type: ["", "websocket", "httpsss", "grpcs-ws"][r.spoilWith % 4] }) };
      case "time":
        return { text: albText({ ...parts, time }) };
      case "client":
        return { text: albText({ ...parts, client: r.spoilWith % 3 === 0 && !badClient.includes(":") ? badClient : r.spoilWith % 3 === 1 ? `${badClient}:${r.port}` : `[${badClient}]:${r.port}` }) };
      case "elb":
        return { text: albText({ ...parts, elb: status }) };
      case "status":
        return { text: albText({ ...parts, status }) };
      case "request": {
        // The request field cut open (no closing quote): a line cut off inside it.
        const text = albText({ ...parts, tail: ` "GET https://example.com:443/${"x".repeat(r.spoilWith)}` });
        return { text };
      }
      case "cut": {
        // A line cut anywhere before the end of the request field.
        const text = albText(parts);
        return { text: text.slice(0, (cut % text.indexOf('" "', text.indexOf(' "'))) + 1) };
      }
      default: {
        if (r.spoil === "fields") {
          // A field missing from the first twelve: everything after it is one field off.
          const text = albText(parts).split(" ");
          text.splice(2 + (r.spoilWith % 9), 1);
          return { text: text.join(" ") };
        }
        return { text: albText(parts), record };
      }
    }
  });

// CloudFront: tab-separated, columns named by the "#Fields:" header line (any order); date YYYY-MM-DD, time HH:MM:SS UTC.
const CF_FIELDS = ["date", "time", "x-edge-location", "sc-bytes", "c-ip", "cs-method", "cs(Host)", "cs-uri-stem", "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query", "cs(Cookie)", "x-edge-result-type", "x-edge-request-id", "x-host-header", "cs-protocol", "cs-bytes", "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-response-result-type", "cs-protocol-version", "fle-status", "fle-encrypted-fields", "c-port", "time-to-first-byte", "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start", "sc-range-end"];
const cfValue = (name: string) => (name === "cs-uri-stem" ? "/index.html" : name === "cs(User-Agent)" ? "Mozilla/5.0%20(Windows%20NT%2010.0)" : name === "x-edge-location" ? "LAX1" : "-");

const cfLine = (order: readonly string[]): fc.Arbitrary<Line> =>
  fc
    .record({
      client: fc.oneof(v4Client, v6Client),
      minute: epochMinute,
      seconds: fc.integer({ min: 0, max: 59 }),
      status: fc.oneof({ weight: 9, arbitrary: statusCode.map((s): number | "000" => s) }, { weight: 1, arbitrary: fc.constant<"000">("000") }),
      spoil: fc.oneof({ weight: 6, arbitrary: fc.constant("none") }, { weight: 4, arbitrary: fc.constantFrom("date", "time", "ip", "status", "columns") }),
      spoilWith: fc.nat(),
    })
    .chain((r) => fc.tuple(fc.constant(r), badTime(r.minute), badStatus, badV4Client))
    .map(([r, time, status, badClient]): Line => {
      // sc-status 000: the viewer closed the connection before CloudFront responded; still a request, never an error.
      const values: Record<string, string> = { date: dateOf(r.minute), time: `${hhmmOf(r.minute)}:${pad(r.seconds)}`, "c-ip": r.client.written, "sc-status": String(r.status) };
      const line = () => order.map((n) => values[n] ?? cfValue(n)).join("\t");
      switch (r.spoil) {
        case "date":
          values.date = r.spoilWith % 2 ? time.slice(0, 10) : dateOf(r.minute).slice(2);
          if (values.date === dateOf(r.minute)) values.date = `${values.date.slice(0, 5)}13${values.date.slice(7)}`;
          return { text: line() };
        case "time":
          values.time = [`25:00:00`, `10:60:00`, `1:00:00`, `10:0`, `ab:cd:ef`, ``][r.spoilWith % 6];
          return { text: line() };
        case "ip":
          values["c-ip"] = badClient;
          return { text: line() };
        case "status":
          values["sc-status"] = status;
          return { text: line() };
        case "columns": {
          // The line ends before the last column the counter needs.
          const need = Math.max(...["date", "time", "c-ip", "sc-status"].map((n) => order.indexOf(n)));
          return { text: line().split("\t").slice(0, r.spoilWith % (need + 1)).join("\t") };
        }
        default:
          return { text: line(), record: { client: r.client.canonical, minute: r.minute, status: r.status === "000" ? "-" : r.status } };
      }
    });

// AWS WAF: one JSON object per line, "timestamp" in epoch milliseconds, the client in httpRequest.clientIp.
const wafLine: fc.Arbitrary<Line> = fc
  .record({
    client,
    minute: epochMinute,
    ms: fc.integer({ min: 0, max: 59_999 }),
    spoil: fc.oneof({ weight: 6, arbitrary: fc.constant("none") }, { weight: 4, arbitrary: fc.constantFrom("timestamp", "ip", "json", "shape") }),
    spoilWith: fc.nat(),
  })
  .chain((r) => fc.tuple(fc.constant(r), badV4Client))
  .map(([r, badClient]): Line => {
    const entry = (timestamp: unknown, httpRequest: unknown) =>
      JSON.stringify({ timestamp, formatVersion: 1, webaclId: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/Example/47634e95", terminatingRuleId: "Default_Action", action: "ALLOW", httpRequest });
    const ts = r.minute * 60_000 + r.ms;
    const request = { clientIp: r.client.written, country: "TR", uri: "/", httpMethod: "GET" };
    switch (r.spoil) {
      case "timestamp":
        return { text: entry([String(ts), null, new Date(ts).toISOString(), undefined][r.spoilWith % 4], request) };
      case "ip":
        return { text: entry(ts, { ...request, clientIp: [badClient, 7, null, "x".repeat(46)][r.spoilWith % 4] }) };
      case "json": {
        const text = entry(ts, request);
        return { text: text.slice(0, r.spoilWith % (text.length - 1)) };
      }
      case "shape":
        return { text: [`[${entry(ts, request)}]`, entry(ts, undefined), entry(ts, [request]), "null", "7"][r.spoilWith % 5] };
      default:
        return { text: entry(ts, request), record: { client: r.client.canonical, minute: r.minute, status: "-" } };
    }
  });

/** The counts the documented format gives: canonical client → sorted [minute, requests, errors] triples. */
function oracle(lines: readonly Line[], format: Format, options: CounterOptions, headers: number): { counts: Map<string, number[]>; bad: number; lines: number; headers: number } {
  const byClient = new Map<string, Map<number, [number, number]>>();
  let bad = 0;
  for (const line of lines) {
    if (line.text === "") continue;
    if (!line.record) {
      bad++;
      continue;
    }
    const { client, minute, status } = line.record;
    const codes = format === "alb" ? options.albErrorCodes : options.cloudFrontErrorCodes;
    const minutes = byClient.get(client) ?? new Map<number, [number, number]>();
    byClient.set(client, minutes);
    const cell = minutes.get(minute) ?? [0, 0];
    minutes.set(minute, [cell[0] + 1, cell[1] + (status !== "-" && format !== "waf" && codes.has(status) ? 1 : 0)]);
  }
  const counts = new Map([...byClient].map(([ip, m]) => [ip, [...m].sort((a, b) => a[0] - b[0]).flatMap(([minute, [r, e]]) => [minute, r, e])]));
  return { counts, bad, lines: lines.filter((l) => l.text !== "").length + headers, headers };
}

function sortedCounts(r: FileCounts): Map<string, number[]> {
  return new Map(
    [...r.counts].map(([ip, b]) => {
      const triples: number[][] = [];
      for (let i = 0; i < b.length; i += 3) triples.push(b.slice(i, i + 3));
      return [ip, triples.sort((x, y) => x[0] - y[0]).flat()];
    }),
  );
}

async function countText(text: string, options: CounterOptions, chunks: readonly number[] = []): Promise<FileCounts> {
  const gz = gzipSync(Buffer.from(text));
  // Gzip bytes cut into pieces of the given sizes, so lines and characters straddle gunzip's chunks.
  const pieces: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < gz.length; i++) {
    const n = chunks.length === 0 ? gz.length : Math.max(1, chunks[i % chunks.length]);
    pieces.push(gz.subarray(at, at + n));
    at += n;
  }
  const counter = new LogCounter(options);
  let overlong = 0;
  await forEachGzipLine(Readable.from(pieces), counter.addLine, () => overlong++);
  const r = counter.result();
  return { ...r, badLines: r.badLines + overlong };
}

const errorCodes = fc.oneof(fc.constant(undefined), fc.uniqueArray(statusCode, { maxLength: 6 }).map((c) => new Set(c)));
const optionsOf = (alb?: Set<number>, cf?: Set<number>): CounterOptions => ({ albErrorCodes: alb ?? DEFAULT_COUNTER_OPTIONS.albErrorCodes, cloudFrontErrorCodes: cf ?? DEFAULT_COUNTER_OPTIONS.cloudFrontErrorCodes, maxAddresses: 1_000_000 });

async function check(format: Format, lines: readonly Line[], options: CounterOptions, header: string[] = [], chunks: number[] = [], eol = "\n") {
  const text = [...header, ...lines.map((l) => l.text)].join(eol) + (lines.length % 2 ? eol : "");
  const r = await countText(text, options, chunks);
  const want = oracle(lines, format, options, header.length);
  if (lines.some((l) => l.text !== "") || header.length > 0) assert.equal(r.format, format);
  assert.deepEqual(sortedCounts(r), want.counts);
  assert.equal(r.badLines, want.bad, "bad lines");
  assert.equal(r.lines, want.lines, "lines");
  assert.equal(r.headerLines, format === "cloudfront" ? want.headers : 0, "header lines");
  assert.equal(r.overflowLines, 0);
}

// A few clients shared by many lines, so addresses recur across minutes (more than the inline buckets) and lines.
const withRepeats = (line: fc.Arbitrary<Line>) => fc.array(line, { minLength: 1, maxLength: 40 }).chain((ls) => fc.array(fc.constantFrom(...ls), { maxLength: 40 }).map((more) => [...ls, ...more]));
const chunkSizes = fc.oneof(fc.constant([] as number[]), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }));

describe("access-log counter against the documented formats (oracle properties)", () => {
  it("ALB: every documented line is counted by client, minute and target status; every spoiled line is bad", async () => {
    await fc.assert(
      fc.asyncProperty(withRepeats(albLine), errorCodes, chunkSizes, async (lines, codes, chunks) => check("alb", lines, optionsOf(codes), [], chunks)),
      runs(150),
    );
  });

  it("CloudFront: columns found by the #Fields line in any order; every spoiled line is bad", async () => {
    const orders = fc.oneof(fc.constant(CF_FIELDS), fc.shuffledSubarray(CF_FIELDS, { minLength: 4 }).filter((o) => ["date", "time", "c-ip", "sc-status"].every((n) => o.includes(n))));
    await fc.assert(
      fc.asyncProperty(
        orders.chain((order) => fc.tuple(fc.constant(order), withRepeats(cfLine(order)))),
        errorCodes,
        chunkSizes,
        async ([order, lines], codes, chunks) => check("cloudfront", lines, optionsOf(undefined, codes), ["#Version: 1.0", `#Fields: ${order.join(" ")}`], chunks),
      ),
      runs(150),
    );
  });

  it("AWS WAF: every documented entry is counted by client and minute, never as an error; anything else is bad", async () => {
    // The first line is an entry (a file is recognised by its first line).
    const first: Line = { text: JSON.stringify({ timestamp: 1682374606245, httpRequest: { clientIp: "192.0.2.10" } }), record: { client: "192.0.2.10", minute: Math.floor(1682374606245 / 60_000), status: "-" } };
    await fc.assert(fc.asyncProperty(withRepeats(wafLine), chunkSizes, async (lines, chunks) => check("waf", [first, ...lines], optionsOf(), [], chunks)), runs(150));
  });

  it("empty lines are no lines; a file of CRLF lines keeps its counts (ALB: the CR ends the last, ignored field)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(albLine, { minLength: 1, maxLength: 20 }), async (lines) => {
        const withBlanks = lines.flatMap((l) => [l, { text: "" }]);
        await check("alb", withBlanks, optionsOf());
        await check("alb", lines, optionsOf(), [], [], "\r\n");
      }),
      runs(40),
    );
  });
});

describe("access-log counter: limits and shapes the random lines rarely reach", () => {
  const alb = (ip: string, minute: number, status = "200", elb = "200") => albText({ type: "https", time: `${dateOf(minute)}T${hhmmOf(minute)}:07.123456Z`, client: `${ip}:443`, target: "10.0.0.1:80", elb, status, tail: albTail });
  const M = Date.UTC(2024, 4, 1, 10, 0) / 60_000;

  it("keeps every minute of an address seen in many minutes, in first-seen order", async () => {
    const minutes = [5, 0, 9, 3, 1, 7, 2, 8, 6, 4, 11, 10];
    const lines = minutes.flatMap((k, i) => [alb("45.33.32.156", M + k, i % 2 ? "404" : "200"), alb("2001:db8::7", M + k, "404"), alb("45.33.32.156", M + k)]);
    const r = await countText(lines.join("\n"), DEFAULT_COUNTER_OPTIONS);
    assert.deepEqual(r.counts.get("45.33.32.156"), minutes.flatMap((k, i) => [M + k, 2, i % 2]));
    assert.deepEqual(r.counts.get("2001:db8::7"), minutes.flatMap((k) => [M + k, 1, 1]));
    assert.deepEqual([...r.counts].map(([ip]) => ip), ["45.33.32.156", "2001:db8::7"]);
  });

  it("counts thousands of distinct addresses, each under its own text, in first-seen order", async () => {
    const ips = Array.from({ length: 5000 }, (_, i) => `${1 + (i % 200)}.${(i * 7) & 255}.${i >> 8}.${i & 255}`);
    const lines = [...ips.map((ip) => alb(ip, M)), ...ips.map((ip) => alb(ip, M + 1, "404"))];
    const r = await countText(lines.join("\n"), DEFAULT_COUNTER_OPTIONS);
    assert.equal(r.counts.size, 5000);
    assert.deepEqual([...r.counts].map(([ip]) => ip), ips);
    for (const ip of [ips[0], ips[1023], ips[1024], ips[2047], ips[2048], ips[4999]]) assert.deepEqual(r.counts.get(ip), [M, 1, 0, M + 1, 1, 1], ip);
    assert.equal(r.counts.get("1.2.3.4"), undefined);
    const v6 = Array.from({ length: 1500 }, (_, i) => `2001:db8::${(i + 1).toString(16)}`);
    const r6 = await countText(v6.map((ip) => alb(`[${ip}]`, M)).join("\n"), DEFAULT_COUNTER_OPTIONS);
    assert.deepEqual([...r6.counts].map(([ip]) => ip), v6);
  });

  it("holds at most maxAddresses distinct addresses and counts the lines of any further one as overflow", async () => {
    const opts = { ...DEFAULT_COUNTER_OPTIONS, maxAddresses: 3 };
    const lines = ["45.0.0.1", "[2001:db8::1]", "45.0.0.1", "45.0.0.2", "45.0.0.3", "[2001:db8::2]", "45.0.0.2", "[2001:db8::1]"].map((ip) => alb(ip, M));
    const r = await countText(lines.join("\n"), opts);
    assert.deepEqual(sortedCounts(r), new Map([["45.0.0.1", [M, 2, 0]], ["2001:db8::1", [M, 2, 0]], ["45.0.0.2", [M, 2, 0]]]));
    assert.equal(r.overflowLines, 2);
    assert.equal(r.badLines, 0);
    assert.equal(r.lines, 8);
  });

  it("merges the spellings of one address, and drops invalid ones as bad lines with all their requests", async () => {
    const lines = ["[2001:DB8::1]", "[2001:0db8:0000:0000:0000:0000:0000:0001]", "[2001:db8::1]", "[::ffff:45.33.32.156]", "45.33.32.156", "[::FFFF:2d21:209c]", "[2001:db8::1::2]", "[2001:db8::1::2]", "[fe80::1%eth0]"].map((ip) =>
      alb(ip, M, "404"),
    );
    const r = await countText(lines.join("\n"), DEFAULT_COUNTER_OPTIONS);
    assert.deepEqual(sortedCounts(r), new Map([["2001:db8::1", [M, 3, 3]], ["45.33.32.156", [M, 3, 3]]]));
    assert.equal(r.badLines, 3);
    assert.equal(r.counts.size, 2);
    assert.deepEqual(r.counts.get("2001:DB8::1"), undefined, "looked up by canonical text only");
  });

  it("drops the rows a predicate names (trusted proxies) and reports how many", async () => {
    const r = await countText(["45.0.0.1", "45.0.0.2", "[2001:db8::5]", "45.0.0.1"].map((ip) => alb(ip, M)).join("\n"), DEFAULT_COUNTER_OPTIONS);
    const asked: string[] = [];
    assert.equal(r.counts.drop((ip) => (asked.push(ip), ip !== "45.0.0.2")), 2);
    assert.deepEqual(asked, ["45.0.0.1", "45.0.0.2", "2001:db8::5"]);
    assert.deepEqual([...r.counts].map(([ip]) => ip), ["45.0.0.2"]);
    assert.equal(r.counts.size, 1);
    assert.equal(r.counts.get("45.0.0.1"), undefined);
    assert.equal(r.counts.drop(() => true), 1);
    assert.equal(r.counts.size, 0);
  });

  it("an empty counter holds nothing", () => {
    const c = new MinuteCounts();
    assert.equal(c.size, 0);
    assert.deepEqual([...c], []);
    assert.equal(c.get("45.0.0.1"), undefined);
    assert.equal(c.get("2001:db8::1"), undefined);
    assert.equal(c.settle(), 0);
    const counter = new LogCounter(DEFAULT_COUNTER_OPTIONS);
    assert.deepEqual({ ...counter.result(), counts: undefined }, { format: "unknown", lines: 0, badLines: 0, headerLines: 0, overflowLines: 0, counts: undefined });
  });

  it("status codes: 100 to 599 and '-' only; errors on the target's status alone", async () => {
    const lines = [alb("45.0.0.1", M, "100"), alb("45.0.0.1", M, "599"), alb("45.0.0.1", M, "-"), alb("45.0.0.1", M, "099"), alb("45.0.0.1", M, "600"), alb("45.0.0.1", M, "200", "403"), alb("45.0.0.1", M, "403", "200")];
    const r = await countText(lines.join("\n"), { ...DEFAULT_COUNTER_OPTIONS, albErrorCodes: new Set([100, 599, 403]) });
    assert.deepEqual(r.counts.get("45.0.0.1"), [M, 5, 3]);
    assert.equal(r.badLines, 2);
  });

  it("CloudFront's sc-status 000 (the viewer closed the connection first) is a request, never an error", async () => {
    const r = await countText(["#Version: 1.0", "#Fields: date time c-ip sc-status", "2024-05-01\t10:00:00\t45.0.0.1\t000", "2024-05-01\t10:00:01\t45.0.0.1\t404", "2024-05-01\t10:00:02\t45.0.0.1\t00", "2024-05-01\t10:00:03\t45.0.0.1\t0000", "2024-05-01\t10:00:04\t45.0.0.1\t001", "2024-05-01\t10:00:05\t45.0.0.1\t100"].join("\n"), { ...DEFAULT_COUNTER_OPTIONS, cloudFrontErrorCodes: new Set([0, 404, 100]) });
    assert.deepEqual(r.counts.get("45.0.0.1"), [M, 3, 2]);
    assert.equal(r.badLines, 3);
  });

  it("a CloudFront file without a usable #Fields line counts nothing; a later #Fields line takes effect", async () => {
    const data = `2024-05-01\t10:00:00\t45.0.0.1\t404`;
    const r = await countText(["#Version: 1.0", data, "#Fields: date time c-ip", data, "#Fields: date time c-ip sc-status", data, "# comment", data].join("\n"), DEFAULT_COUNTER_OPTIONS);
    assert.deepEqual(sortedCounts(r), new Map([["45.0.0.1", [M, 2, 2]]]));
    assert.equal(r.badLines, 2);
    assert.equal(r.headerLines, 4);
    for (const fields of ["#Fields: time c-ip sc-status", "#Fields: date c-ip sc-status", "#Fields: date time sc-status", "#Fields: date time c-ip"]) {
      const only = await countText(["#Version: 1.0", fields, data].join("\n"), DEFAULT_COUNTER_OPTIONS);
      assert.deepEqual([only.badLines, only.counts.size], [1, 0], fields);
    }
    const tabs = await countText(["#Version: 1.0", "#Fields:\tdate  time\tc-ip   sc-status", data].join("\n"), DEFAULT_COUNTER_OPTIONS);
    assert.deepEqual(sortedCounts(tabs), new Map([["45.0.0.1", [M, 1, 1]]]));
  });

  // The limit bounds what is held across gunzip's chunks: a line is dropped once its carried part passes it.
  it("a line as long as the limit is read; one of twice the limit is bad, without the next line suffering", async () => {
    const base = alb("45.0.0.1", M, "404");
    // Incompressible filler, so small gzip pieces make small gunzip chunks and both long lines straddle several.
    const filler = (n: number) => randomBytes(n).toString("base64").slice(0, n);
    const exact = `${base} ${filler(MAX_LINE_BYTES - base.length - 1)}`;
    const over = `${base} ${filler(2 * MAX_LINE_BYTES)}`;
    for (const chunks of [[97], [1000, 3]]) {
      const r = await countText([exact, over, base].join("\n"), DEFAULT_COUNTER_OPTIONS, chunks);
      assert.deepEqual(r.counts.get("45.0.0.1"), [M, 2, 2], `chunks ${chunks}`);
      assert.equal(r.badLines, 1);
    }
  });
});
