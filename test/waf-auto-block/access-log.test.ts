import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { DEFAULT_COUNTER_OPTIONS, forEachGzipLine, LogCounter, type FileCounts } from "../../components/waf-auto-block/lambda/access-log";
import type { BlockRequest } from "../../components/waf-auto-block/lambda/block-request";
import { processLogObject, type LogParserDeps } from "../../components/waf-auto-block/lambda/log-parser";
import { DynamoCounterStore } from "../../components/waf-auto-block/lambda/log-window";
import { DEFAULT_THRESHOLDS } from "../../components/waf-auto-block/lambda/settings";
import { FakeClock } from "../harness/aws";
import { FakeDynamo } from "./fakes";

// A request threshold of 100 (the deployed default is 1,000) keeps the log fixtures small.
const THRESHOLDS = { ...DEFAULT_THRESHOLDS, requestsPer5Minutes: 100 };

const FIXTURES = join(__dirname, "../../components/waf-auto-block/fixtures");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const minute = (iso: string) => Date.parse(iso) / 60_000;

async function count(text: string | Buffer, chunkSize?: number): Promise<FileCounts> {
  const gz = gzipSync(typeof text === "string" ? Buffer.from(text) : text);
  const chunks: Buffer[] = [];
  if (chunkSize) for (let i = 0; i < gz.length; i += chunkSize) chunks.push(gz.subarray(i, i + chunkSize));
  const counter = new LogCounter(DEFAULT_COUNTER_OPTIONS);
  let overlong = 0;
  await forEachGzipLine(Readable.from(chunkSize ? chunks : [gz]), counter.addLine, () => overlong++);
  const result = counter.result();
  return { ...result, badLines: result.badLines + overlong };
}

const albLine = (ip: string, time: string, elb: string, target: string) =>
  `https ${time} app/lb/50dc6c495c0c9188 ${ip}:40000 10.0.0.1:80 0.000 0.001 0.000 ${elb} ${target} 34 366 "GET https://example.com:443/x HTTP/1.1" "ua" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/73e2d6bc24d8a067 "Root=1-5" "-" "-" 0 ${time} "forward" "-" "-" "10.0.0.1:80" "${target}" "-" "-" TID_1`;

describe("access-log parser: ALB, CloudFront and AWS WAF logs", () => {
  it("reads the documented ALB sample and counts errors on the target's status, never the load balancer's own 403s", async () => {
    const r = await count(fixture("alb-documented.log"));
    assert.equal(r.format, "alb");
    assert.equal(r.lines, 4);
    assert.equal(r.badLines, 0);
    assert.deepEqual(r.counts.get("192.168.131.39"), [minute("2018-07-02T22:23:00Z"), 1, 0]);
    // 404 from the target counts; the 403 the load balancer (its WAF) answered itself does not.
    assert.deepEqual(r.counts.get("198.51.100.23"), [minute("2018-07-02T22:23:00Z"), 1, 1, minute("2018-07-02T22:24:00Z"), 1, 0]);
    assert.deepEqual(r.counts.get("2001:db8:85a3::8a2e:370:7334"), [minute("2018-07-02T22:24:00Z"), 1, 1]);
  });

  it("reads the documented CloudFront sample with columns from the #Fields line, in any order", async () => {
    const r = await count(fixture("cloudfront-documented.log"));
    assert.equal(r.format, "cloudfront");
    assert.equal(r.headerLines, 2);
    assert.equal(r.badLines, 0);
    assert.deepEqual(r.counts.get("192.0.2.100"), [minute("2019-12-04T21:02:00Z"), 2, 1]);
    // 403 is left out by default: CloudFront logs cannot tell the web ACL's blocks from the origin's.
    assert.deepEqual(r.counts.get("2001:db8::17"), [minute("2019-12-04T21:03:00Z"), 1, 0]);
    const reordered = ["#Version: 1.0", "#Fields: sc-status c-ip cs-method time date", "404\t203.0.113.9\tGET\t10:00:59\t2024-01-02", "200\t203.0.113.9\tGET\t10:01:00\t2024-01-02"].join("\n");
    const r2 = await count(reordered);
    assert.deepEqual(r2.counts.get("203.0.113.9"), [minute("2024-01-02T10:00:00Z"), 1, 1, minute("2024-01-02T10:01:00Z"), 1, 0]);
  });

  it("reads the documented AWS WAF log sample (requests only: WAF logs carry no response status)", async () => {
    const r = await count(fixture("waf-documented.log"));
    assert.equal(r.format, "waf");
    assert.deepEqual(r.counts.get("192.0.2.10"), [Math.floor(1682374606245 / 60_000), 1, 0]);
    assert.deepEqual(r.counts.get("2001:db8::10"), [Math.floor(1682374607245 / 60_000), 1, 0]);
    const bad = await count(`${fixture("waf-documented.log")}{"timestamp":"soon","httpRequest":{"clientIp":"1.2.3.4"}}\n{"timestamp":1,"httpRequest":{}}\n{not json\n`);
    assert.equal(bad.badLines, 3);
    assert.equal(bad.counts.size, 2);
  });

  it("counts truncated and hostile lines as bad, skips them, and still processes the rest of the file", async () => {
    const good = albLine("45.33.32.156", "2024-05-01T10:00:01.000000Z", "200", "404");
    const full = fixture("alb-documented.log").split("\n")[0];
    const lines = [
      good,
      full.slice(0, 60), // truncated mid-line (a cut-off upload)
      full.slice(0, 140),
      albLine("999.1.1.1", "2024-05-01T10:00:01.000000Z", "200", "404"),
      albLine("45.33.32.156; rm -rf /", "2024-05-01T10:00:01.000000Z", "200", "404"),
      albLine("45.33.32.157", "2024-13-45T99:00:01.000000Z", "200", "404"),
      albLine("45.33.32.158", "yesterday", "200", "404"),
      albLine("45.33.32.159", "2024-05-01T10:00:01.000000Z", "OK", "404"),
      albLine("45.33.32.160", "2024-05-01T10:00:01.000000Z", "200", "4040"),
      "\u0000\u0001\u0002 binary \uFFFD\uFFFD garbage",
      "x".repeat(200_000), // longer than any log line: dropped without being buffered
      "http",
      good,
    ];
    const r = await count(`${lines.join("\n")}\n`, 777);
    assert.equal(r.badLines, 11);
    assert.deepEqual(r.counts.get("45.33.32.156"), [minute("2024-05-01T10:00:00Z"), 2, 2]);
    assert.equal(r.counts.size, 1);
  });

  it("splits lines correctly across gzip chunks of any size, including multi-byte UTF-8 split mid-character", async () => {
    const text = ["#Version: 1.0", "#Fields: date time c-ip sc-status cs(User-Agent)", ...Array.from({ length: 300 }, (_, i) => `2024-01-02\t10:0${i % 10}:00\t45.33.${i % 7}.1\t404\tMozilla/5.0 (ナ日本語 ${"é".repeat(i % 13)})`)].join("\n");
    const whole = await count(text);
    const dribbled = await count(text, 1);
    assert.equal(whole.badLines, 0);
    assert.deepEqual([...dribbled.counts], [...whole.counts]);
    assert.equal(dribbled.lines, whole.lines);
  });

  it("holds a bounded number of distinct addresses per file (flat memory when every line has a new address)", async () => {
    const counter = new LogCounter({ ...DEFAULT_COUNTER_OPTIONS, maxAddresses: 100 });
    for (let i = 0; i < 1000; i++) {
      const line = Buffer.from(albLine(`45.33.${i >> 8}.${i & 255}`, "2024-05-01T10:00:01.000000Z", "200", "200"));
      counter.addLine(line, 0, line.length);
    }
    const r = counter.result();
    assert.equal(r.counts.size, 100);
    assert.equal(r.overflowLines, 900);
  });

  it("rejects a CloudFront log whose #Fields line lacks the needed columns, line by line", async () => {
    const r = await count("#Version: 1.0\n#Fields: date time x-edge-location\n2024-01-02\t10:00:00\tLAX1\n");
    assert.equal(r.badLines, 1);
    assert.equal(r.counts.size, 0);
  });
});

describe("access-log windows: counts merged across files in DynamoDB", () => {
  const TABLE = "kamae-counters";
  let dynamo: FakeDynamo;
  let sent: BlockRequest[];
  let files: Map<string, Buffer>;
  const deps = (): LogParserDeps => ({
    getObject: async (o) => {
      const body = files.get(o.key);
      if (!body) throw Object.assign(new Error("The specified key does not exist."), { name: "NoSuchKey" });
      return Readable.from([body]);
    },
    counters: new DynamoCounterStore(dynamo.client, TABLE, new FakeClock().now),
    thresholds: THRESHOLDS,
    counter: DEFAULT_COUNTER_OPTIONS,
    send: async (r) => sent.push(...r),
    target: { accountId: "123456789012", region: "us-east-1" },
  });
  const object = (key: string) => ({ bucket: "alb-logs", key, eventName: "ObjectCreated:Put", eTag: `etag-${key}` });
  const albFile = (key: string, lines: string[]) => files.set(key, gzipSync(Buffer.from(lines.join("\n"))));

  beforeEach(() => {
    dynamo = new FakeDynamo({ [TABLE]: ["ip", "minute"] });
    sent = [];
    files = new Map();
  });

  it("blocks a scanner whose errors cross the threshold only when two load balancer nodes' files are merged", async () => {
    const errors = (n: number, ip = "45.33.32.156") => Array.from({ length: n }, (_, i) => albLine(ip, `2024-05-01T10:00:${String(i % 60).padStart(2, "0")}.000000Z`, "404", "404"));
    albFile("node-a.log.gz", [...errors(30), ...errors(30, "45.33.32.200")]);
    albFile("node-b.log.gz", errors(30));
    const a = await processLogObject(object("node-a.log.gz"), deps());
    assert.deepEqual(a.blocked, []);
    const b = await processLogObject(object("node-b.log.gz"), deps());
    assert.deepEqual(b.blocked.map((o) => o.ip), ["45.33.32.156"]);
    assert.match(b.blocked[0].reason, /60 error responses/);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].source, "access-log");
    assert.deepEqual(sent[0].addresses, ["45.33.32.156"]);
    assert.equal(b.accountId, "123456789012");
  });

  it("blocks an HTTP flood over a sliding 5-minute window spread across files and minutes, and not a steady client", async () => {
    const reqs = (ip: string, min: number, n: number) => Array.from({ length: n }, () => albLine(ip, `2024-05-01T10:0${min}:30.000000Z`, "200", "200"));
    albFile("f1.log.gz", [...reqs("45.33.32.1", 0, 25), ...reqs("45.33.32.1", 1, 25), ...reqs("45.33.32.2", 0, 19)]);
    albFile("f2.log.gz", [...reqs("45.33.32.1", 2, 25), ...reqs("45.33.32.2", 6, 19)]);
    albFile("f3.log.gz", [...reqs("45.33.32.1", 3, 25), ...reqs("45.33.32.2", 3, 19)]);
    await processLogObject(object("f1.log.gz"), deps());
    await processLogObject(object("f2.log.gz"), deps());
    assert.equal(sent.length, 0, "75 requests so far");
    const r = await processLogObject(object("f3.log.gz"), deps());
    assert.deepEqual(r.blocked.map((o) => o.ip), ["45.33.32.1"]);
    assert.match(r.blocked[0].reason, /100 requests in the 5 minutes/);
  });

  it("catches a scanner spread over four files, each a quarter of the threshold among thousands of ordinary clients, and writes only for it", async () => {
    const t = "2024-05-01T10:02:10.000000Z";
    const scanner = Array.from({ length: 13 }, () => albLine("198.51.100.7", t, "404", "404"));
    for (let f = 0; f < 4; f++) {
      // 2,000 ordinary clients per file: a few requests and the odd 404, far below either threshold.
      const ordinary = Array.from({ length: 2000 }, (_, i) => [albLine(`10.${f}.${i >> 8}.${i & 255}`, t, "200", "200"), albLine(`10.${f}.${i >> 8}.${i & 255}`, t, "404", "404")]).flat();
      albFile(`node-${f}.log.gz`, [...ordinary, ...scanner]);
    }
    const reports = [];
    for (let f = 0; f < 4; f++) reports.push(await processLogObject(object(`node-${f}.log.gz`), deps()));
    assert.deepEqual(reports.slice(0, 3).map((r) => r.blocked), [[], [], []]);
    assert.deepEqual(reports[3].blocked.map((o) => o.ip), ["198.51.100.7"]);
    assert.match(reports[3].blocked[0].reason, /52 error responses/);
    assert.deepEqual(reports.map((r) => [r.counterUpdates, r.belowFloor, r.overCap]), Array(4).fill([1, 2000, 0]));
    assert.equal(dynamo.calls.update, 4, "one write per file: the scanner's");
  });

  it("sums a flood over a window that crosses the hour, from two files", async () => {
    const reqs = (ip: string, time: string, n: number) => Array.from({ length: n }, () => albLine(ip, time, "200", "200"));
    albFile("f1.log.gz", [...reqs("45.33.32.9", "2024-05-01T10:58:01.000000Z", 30), ...reqs("45.33.32.9", "2024-05-01T10:59:01.000000Z", 30)]);
    albFile("f2.log.gz", [...reqs("45.33.32.9", "2024-05-01T11:00:01.000000Z", 20), ...reqs("45.33.32.9", "2024-05-01T11:01:01.000000Z", 20)]);
    assert.deepEqual((await processLogObject(object("f1.log.gz"), deps())).blocked, []);
    const r = await processLogObject(object("f2.log.gz"), deps());
    assert.deepEqual(r.blocked.map((o) => o.ip), ["45.33.32.9"]);
    assert.match(r.blocked[0].reason, /100 requests in the 5 minutes from 2024-05-01T10:57/);
  });

  it("reports the addresses a full write cap left out, and merges those nearest a threshold first", async () => {
    const t = "2024-05-01T10:00:05.000000Z";
    // Eight addresses over the floor (30 to 100 errors in the minute); a cap of five writes.
    const lines = Array.from({ length: 8 }, (_, k) => Array.from({ length: 30 + 10 * k }, () => albLine(`203.0.113.${k}`, t, "404", "404"))).flat();
    albFile("busy.log.gz", lines);
    const r = await processLogObject(object("busy.log.gz"), { ...deps(), thresholds: { ...THRESHOLDS, maxUpdatesPerFile: 5 } });
    assert.equal(r.counterUpdates, 5);
    assert.equal(r.overCap, 3);
    assert.equal(r.capScore, 60 / 50);
    assert.deepEqual(dynamo.rows(TABLE).filter((row) => String(row.ip).startsWith("203.")).map((row) => row.ip).sort(), ["203.0.113.3", "203.0.113.4", "203.0.113.5", "203.0.113.6", "203.0.113.7"]);
    assert.deepEqual(r.blocked.map((o) => o.ip).sort(), ["203.0.113.3", "203.0.113.4", "203.0.113.5", "203.0.113.6", "203.0.113.7"]);
  });

  it("never counts a replayed notification twice, and releases the claim when a file cannot be read", async () => {
    const errors = Array.from({ length: 30 }, () => albLine("45.33.32.156", "2024-05-01T10:00:00.000000Z", "404", "404"));
    albFile("a.log.gz", errors);
    await processLogObject(object("a.log.gz"), deps());
    const replay = await processLogObject(object("a.log.gz"), deps());
    assert.equal(replay.status, "already-processed");
    assert.equal(dynamo.rows(TABLE).find((r) => r.ip === "45.33.32.156")!.e0, 30, "minute 0 of the hour item");
    files.set("corrupt.log.gz", Buffer.from("this is not gzip"));
    await assert.rejects(() => processLogObject(object("corrupt.log.gz"), deps()), /incorrect header|gzip|header/i);
    files.set("corrupt.log.gz", gzipSync(Buffer.from(errors.join("\n"))));
    const retried = await processLogObject(object("corrupt.log.gz"), deps());
    assert.equal(retried.status, "processed");
    assert.equal(retried.blocked.length, 1, "30 + 30 errors in the same minute");
  });
});
