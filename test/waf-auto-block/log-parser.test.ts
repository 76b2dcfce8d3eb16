import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { DEFAULT_COUNTER_OPTIONS } from "../../components/waf-auto-block/lambda/access-log";
import { parseQueueMessage, type BlockRequest } from "../../components/waf-auto-block/lambda/block-request";
import { processLogObject, type LogParserDeps } from "../../components/waf-auto-block/lambda/log-parser";
import { DynamoCounterStore } from "../../components/waf-auto-block/lambda/log-window";
import { DEFAULT_THRESHOLDS } from "../../components/waf-auto-block/lambda/settings";
import { CidrSet } from "../../components/shared/net/cidr";
import type { S3ObjectEvent } from "../../components/shared/events/s3-notification";
import { FakeClock } from "../harness/aws";
import { FakeDynamo } from "./fakes";

// One access-log object end to end: what the report says, which file versions count as already processed, and the
// block requests sent (valid queue messages, request ids that identify the file and the address).
const TABLE = "kamae-counters";
const THRESHOLDS = { ...DEFAULT_THRESHOLDS, requestsPer5Minutes: 100 };
const albLine = (ip: string, status = "404") =>
  `https 2024-05-01T10:00:07.000000Z app/lb/50dc6c495c0c9188 ${ip}:40000 10.0.0.1:80 0.000 0.001 0.000 ${status} ${status} 34 366 "GET https://example.com:443/x HTTP/1.1" "ua" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/73e2d6bc24d8a067 "Root=1-5" "-" "-" 0 2024-05-01T10:00:07.000000Z "forward" "-" "-" "10.0.0.1:80" "${status}" "-" "-" TID_1`;

describe("access-log object processing: report, replays and block requests", () => {
  let dynamo: FakeDynamo;
  let sent: BlockRequest[][];
  let bodies: Map<string, Buffer>;
  const deps = (extra: Partial<LogParserDeps> = {}): LogParserDeps => ({
    getObject: async (o) => Readable.from([bodies.get(o.key)!]),
    counters: new DynamoCounterStore(dynamo.client, TABLE, new FakeClock().now),
    thresholds: THRESHOLDS,
    counter: DEFAULT_COUNTER_OPTIONS,
    send: async (r) => sent.push(r),
    target: { accountId: "123456789012", region: "eu-west-1" },
    ...extra,
  });
  const object = (key: string, extra: Partial<S3ObjectEvent> = {}): S3ObjectEvent => ({ bucket: "alb-logs", key, eventName: "ObjectCreated:Put", ...extra });
  const put = (key: string, lines: string[]) => bodies.set(key, gzipSync(Buffer.from(lines.join("\n"))));
  const scanner = (ip: string, n = 60) => Array.from({ length: n }, () => albLine(ip));

  beforeEach(() => {
    dynamo = new FakeDynamo({ [TABLE]: ["ip", "minute"] });
    sent = [];
    bodies = new Map();
  });

  it("reports every count of a processed file, and sends one valid block request per offender", async () => {
    put("AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2024/05/01/node-a.log.gz", [...scanner("45.33.32.156"), albLine("45.33.32.157", "200"), "garbage"]);
    const key = "AWSLogs/123456789012/elasticloadbalancing/eu-west-1/2024/05/01/node-a.log.gz";
    const report = await processLogObject(object(key, { eTag: "e1" }), deps());
    assert.match(report.blocked[0]?.reason ?? "", /60 error responses/);
    assert.deepEqual(report, {
      accountId: "123456789012",
      region: "eu-west-1",
      object: `s3://alb-logs/${key}`,
      status: "processed",
      format: "alb",
      lines: 62,
      badLines: 1,
      overflowLines: 0,
      addresses: 2,
      counterUpdates: 1,
      belowFloor: 1,
      overCap: 0,
      blocked: report.blocked,
    });
    assert.equal(sent.length, 1, "one send for the file");
    assert.equal(sent[0].length, 1);
    const [request] = sent[0];
    assert.deepEqual({ ...request, requestId: undefined }, { kind: "kamae.block", source: "access-log", reason: `${report.blocked[0].reason} in node-a.log.gz`, addresses: ["45.33.32.156"], requestId: undefined });
    assert.match(request.requestId!, /^log:[0-9a-f]{32}:45\.33\.32\.156$/);
    assert.equal(parseQueueMessage(JSON.stringify(request)).ok, true, "the writer accepts it");
  });

  it("sends nothing when nobody crosses a threshold", async () => {
    put("quiet.log.gz", [albLine("45.33.32.1", "200"), albLine("45.33.32.2")]);
    const report = await processLogObject(object("quiet.log.gz"), deps({ send: async () => assert.fail("nothing to send") }));
    assert.deepEqual(report.blocked, []);
    assert.equal(report.status, "processed");
  });

  it("a file is identified by its version, else its ETag, else its sequencer: a replay is not counted twice, a new version is", async () => {
    put("a.log.gz", scanner("45.33.32.156", 30));
    const status = async (o: S3ObjectEvent) => (await processLogObject(o, deps())).status;
    assert.equal(await status(object("a.log.gz", { versionId: "v1", eTag: "e", sequencer: "01" })), "processed");
    assert.equal(await status(object("a.log.gz", { versionId: "v1", eTag: "e", sequencer: "02" })), "already-processed");
    assert.equal(await status(object("a.log.gz", { versionId: "v2", eTag: "e", sequencer: "01" })), "processed");
    assert.equal(await status(object("a.log.gz", { eTag: "e1", sequencer: "01" })), "processed");
    assert.equal(await status(object("a.log.gz", { eTag: "e1", sequencer: "02" })), "already-processed");
    assert.equal(await status(object("a.log.gz", { eTag: "e2", sequencer: "01" })), "processed");
    assert.equal(await status(object("a.log.gz", { sequencer: "03" })), "processed");
    assert.equal(await status(object("a.log.gz", { sequencer: "03" })), "already-processed");
    assert.equal(await status(object("a.log.gz", { sequencer: "04" })), "processed");
    assert.equal(await status(object("a.log.gz")), "processed");
    assert.equal(await status(object("a.log.gz")), "already-processed");
    const replay = await processLogObject(object("a.log.gz"), deps());
    assert.deepEqual(replay, { accountId: "123456789012", region: "eu-west-1", object: "s3://alb-logs/a.log.gz", status: "already-processed", blocked: [] });
  });

  it("the same address in two files gets a request id per file", async () => {
    put("a.log.gz", scanner("45.33.32.156"));
    put("b.log.gz", scanner("45.33.32.156"));
    await processLogObject(object("a.log.gz", { eTag: "e" }), deps());
    await processLogObject(object("b.log.gz", { eTag: "e" }), deps());
    const ids = sent.flat().map((r) => r.requestId);
    assert.equal(ids.length, 2);
    assert.notEqual(ids[0], ids[1]);
    for (const id of ids) assert.ok(id!.length <= 200);
  });

  it("leaves non-gzip objects alone, without claiming them", async () => {
    const report = await processLogObject(object("AWSLogs/x/ELBAccessLogTestFile"), deps({ getObject: async () => assert.fail("not read") }));
    assert.deepEqual(report, { accountId: "123456789012", region: "eu-west-1", object: "s3://alb-logs/AWSLogs/x/ELBAccessLogTestFile", status: "not-gzip-log", blocked: [] });
    assert.equal(dynamo.rows(TABLE).length, 0);
  });

  it("counts over-long lines as bad, and reports the trusted proxies it left out", async () => {
    const long = `${albLine("45.33.32.9")} ${randomBytes(300 * 1024).toString("base64")}`;
    put("p.log.gz", [...scanner("198.51.100.7", 3), albLine("203.0.113.5"), albLine("203.0.113.6"), long, albLine("45.33.32.9")]);
    const report = await processLogObject(object("p.log.gz"), deps({ trustedProxies: new CidrSet(["203.0.113.0/24"]) }));
    assert.equal(report.proxies, 2);
    assert.equal(report.badLines, 1);
    assert.equal(report.lines, 6, "the over-long line is not a line read");
    assert.equal(report.addresses, 2);
    const none = await processLogObject(object("p.log.gz", { eTag: "other" }), deps({ trustedProxies: new CidrSet(["192.0.2.0/24"]) }));
    assert.equal("proxies" in none, false);
    const unset = await processLogObject(object("p.log.gz", { eTag: "third" }), deps());
    assert.equal("proxies" in unset, false);
    assert.equal(unset.addresses, 4);
  });
});
