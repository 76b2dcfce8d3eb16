import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { Context } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { awsError } from "../harness/aws";
import { FakeDynamo } from "./fakes";
import { FakeSqs, HandlerLoader, HOME } from "./feeder-harness";

const FIXTURES = join(__dirname, "../../components/waf-auto-block/fixtures");
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const fixture = (name: string) => JSON.parse(fixtureText(name));
const context = { functionName: "kamae-waf-feeder", awsRequestId: "req-1", invokedFunctionArn: `arn:aws:lambda:us-east-1:${HOME}:function:f` } as Context;

describe("WafAutoBlock feeder entry points (modules as Lambda loads them)", () => {
  let sqs: FakeSqs;
  const loader = new HandlerLoader();
  const load = (name: string, env: Record<string, string>) => loader.load(name, env);

  beforeEach(() => {
    sqs = new FakeSqs();
  });
  afterEach(() => sqs.restore());
  after(() => loader.restore());

  describe("waf-event-feeder (Deep Security over SNS, GuardDuty over EventBridge)", () => {
    // The component's defaults (index.ts) for a deployment with both sources.
    const EVENT_ENV = { KAMAE_DS_PAYLOAD_MIN_SEVERITY: "3", KAMAE_DS_PACKET_MIN_REPEAT: "5", KAMAE_GUARDDUTY_MIN_SEVERITY: "4", KAMAE_GUARDDUTY_ACTIONS: "NETWORK_CONNECTION,PORT_PROBE,AWS_API_CALL" };

    it("queues exactly the sources of the intrusion prevention and repeated firewall events of a Deep Security batch", async () => {
      const handler = load("waf-event-feeder.handler", EVENT_ENV);
      assert.deepEqual(await handler(fixture("sns-deep-security-event.json"), context), { sent: 2, rejected: 0, skipped: 6 });
      const requests = sqs.requests();
      assert.deepEqual(
        requests.map((r) => [r.source, r.addresses, r.requestId]),
        [
          ["deep-security", ["203.0.113.50"], "ds:4235:9342:838301"],
          ["deep-security", ["198.51.100.7"], "ds:4235:9342:838302"],
        ],
      );
      assert.match(requests[0].reason, /Apache Struts2 RCE/);
      assert.match(requests[1].reason, /Deny SSH.*repeated 12/);
    });

    it("queues every port-probe source of a GuardDuty finding in one request, and the same ids when the finding is replayed", async () => {
      const handler = load("waf-event-feeder.handler", EVENT_ENV);
      const event = fixture("guardduty-port-probe.json");
      assert.deepEqual(await handler(event, context), { sent: 1, rejected: 0, skipped: 0 });
      await handler(event, context);
      const [first, replay] = sqs.requests();
      assert.deepEqual(first.addresses, ["203.0.113.9", "198.51.100.77"]);
      assert.equal(first.source, "guardduty");
      assert.equal(first.requestId, "gd:16afba5c5c43e07c9e3e5e2e544e0002:2026-11-22T23:19:30.000Z");
      assert.deepEqual(replay, first, "a redelivered finding is the same request, which the writer ignores");
    });

    it("applies the thresholds and action types the component passes", async () => {
      const handler = load("waf-event-feeder.handler", { ...EVENT_ENV, KAMAE_GUARDDUTY_MIN_SEVERITY: "6", KAMAE_GUARDDUTY_ACTIONS: "PORT_PROBE", KAMAE_DS_PACKET_MIN_REPEAT: "20" });
      assert.deepEqual(await handler(fixture("guardduty-port-probe.json"), context), { sent: 0, rejected: 0, skipped: 1 }, "severity 5 < 6");
      assert.deepEqual(await handler(fixture("guardduty-network-connection.json"), context), { sent: 0, rejected: 0, skipped: 1 }, "not a listed action");
      assert.deepEqual(await handler(fixture("guardduty-dns-request.json"), context), { sent: 0, rejected: 0, skipped: 1 });
      await handler(fixture("sns-deep-security-event.json"), context);
      assert.deepEqual(sqs.requests().map((r) => r.addresses), [["203.0.113.50"]], "the firewall event repeated 12 < 20 times is not blocked");
    });

    it("rejects malformed events without sending anything, and keeps the good messages of a batch", async () => {
      const handler = load("waf-event-feeder.handler", EVENT_ENV);
      const noType = fixture("guardduty-network-connection.json");
      delete noType.detail.type;
      const badIp = fixture("guardduty-network-connection.json");
      badIp.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = "198.51.100.23; DROP TABLE";
      for (const hostile of [null, "x", 42, [], { Records: "x" }, { Records: [{ Sns: null }] }, noType, { source: "aws.guardduty", detail: "x" }]) {
        const out = await handler(hostile, context);
        assert.equal(out.sent, 0, JSON.stringify(hostile)?.slice(0, 80));
        assert.ok(out.rejected > 0, `rejected: ${JSON.stringify(hostile)?.slice(0, 80)}`);
      }
      assert.equal((await handler(badIp, context)).sent, 0);
      assert.equal(sqs.calls.length, 0, "no SendMessageBatch call at all");

      const good = fixture("sns-deep-security-event.json");
      const broken = structuredClone(good.Records[0]);
      broken.Sns.MessageId = "broken-1";
      broken.Sns.Message = "[{not json";
      assert.deepEqual(await handler({ Records: [broken, good.Records[0]] }, context), { sent: 2, rejected: 1, skipped: 6 });
      assert.deepEqual(sqs.requests().map((r) => r.addresses[0]), ["203.0.113.50", "198.51.100.7"]);
    });

    it("resends entries SQS refused, and fails the invocation (to its failure queue) when the queue is gone", async () => {
      const handler = load("waf-event-feeder.handler", EVENT_ENV);
      const event = fixture("guardduty-network-connection.json");
      await handler(event, context);
      const [expected] = sqs.bodies.splice(0);
      sqs.refuseOnce.add(expected);
      assert.deepEqual(await handler(event, context), { sent: 1, rejected: 0, skipped: 0 });
      assert.deepEqual(sqs.bodies, [expected], "sent once after the retry");
      assert.deepEqual(sqs.calls, [1, 1, 1]);

      const gone = load("waf-event-feeder.handler", { ...EVENT_ENV, KAMAE_BLOCK_QUEUE_URL: `https://sqs.us-east-1.amazonaws.com/${HOME}/deleted-queue` });
      await assert.rejects(() => gone(event, context), /queue does not exist/);
    });
  });

  describe("waf-log-parser (access logs in S3)", () => {
    const TABLE = "kamae-waf-counters";
    const BUCKET = "alb-logs-prod";
    const KEY = `AWSLogs/${HOME}/elasticloadbalancing/us-east-1/2026/11/22/${HOME}_elasticloadbalancing_us-east-1_app.web.50dc6c495c0c9188_20261122T2330Z_10.0.1.17_5s2kzrty.log.gz`;
    // Thresholds as the component passes them (accessLogs.errorsPerMinute lowered for the test's file sizes).
    const LOG_ENV = { KAMAE_COUNTER_TABLE: TABLE, KAMAE_ERRORS_PER_MINUTE: "5", KAMAE_REQUESTS_PER_5_MINUTES: "100" };
    let dynamo: FakeDynamo;
    let s3: ReturnType<typeof mockClient>;
    let objects: Map<string, Buffer>;
    let reads: string[];

    const albLine = (ip: string, second: number, status: string) => {
      const time = `2026-11-22T23:25:${String(second).padStart(2, "0")}.000000Z`;
      return `https ${time} app/web/50dc6c495c0c9188 ${ip}:40000 10.0.1.17:80 0.000 0.001 0.000 ${status} ${status} 34 366 "GET https://www.example.com:443/wp-login.php HTTP/1.1" "sqlmap/1.7" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:${HOME}:targetgroup/web/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe355" "www.example.com" "-" 0 ${time} "forward" "-" "-" "10.0.1.17:80" "${status}" "-" "-" TID_1`;
    };
    /** The EventBridge "Object Created" notification of a new log object (the shape the component's rule matches). */
    const created = (key: string, versionId: string) => {
      const event = fixture("s3-eventbridge-object-created.json");
      event.account = HOME;
      event.resources = [`arn:aws:s3:::${BUCKET}`];
      event.detail.bucket.name = BUCKET;
      Object.assign(event.detail.object, { key, "version-id": versionId, etag: `etag-${versionId}` });
      return event;
    };
    const put = (key: string, versionId: string, lines: string[]) => objects.set(`${BUCKET}/${key}#${versionId}`, gzipSync(Buffer.from(lines.join("\n"))));

    beforeEach(() => {
      dynamo = new FakeDynamo({ [TABLE]: ["ip", "minute"] }, true);
      objects = new Map();
      reads = [];
      s3 = mockClient(S3Client);
      // GetObject of one version: NoSuchKey / NoSuchVersion as S3 answers for what is not there.
      s3.on(GetObjectCommand).callsFake(async (input) => {
        reads.push(`${input.Bucket}/${input.Key}#${input.VersionId}`);
        const body = objects.get(`${input.Bucket}/${input.Key}#${input.VersionId}`);
        if (!body) throw awsError(input.VersionId ? "NoSuchVersion" : "NoSuchKey", "The specified key does not exist.", { httpStatusCode: 404 });
        return { Body: Readable.from([body.subarray(0, 100), body.subarray(100)]), ContentLength: body.length };
      });
    });
    afterEach(() => {
      dynamo.restore();
      s3.restore();
    });

    it("reads the notified version, counts it in the shared window and queues exactly the scanner over the threshold", async () => {
      const handler = load("waf-log-parser.handler", LOG_ENV);
      const scanner = Array.from({ length: 7 }, (_, i) => albLine("45.33.32.156", i, "404"));
      const quiet = [albLine("198.51.100.23", 1, "404"), albLine("198.51.100.23", 2, "200"), ...Array.from({ length: 20 }, (_, i) => albLine("203.0.113.80", i, "200"))];
      put(KEY, "v1", [...scanner, ...quiet]);
      assert.deepEqual(await handler(created(KEY, "v1"), context), { processed: 1, blocked: 1 });
      assert.deepEqual(reads, [`${BUCKET}/${KEY}#v1`]);
      const [request, ...rest] = sqs.requests();
      assert.deepEqual(rest, []);
      assert.deepEqual([request.source, request.addresses], ["access-log", ["45.33.32.156"]]);
      assert.match(request.reason, /7 error responses/);
      assert.equal(request.requestId, `log:${createHash("sha256").update(`${BUCKET}/${KEY}#v1`).digest("hex").slice(0, 32)}:45.33.32.156`);
      assert.equal(dynamo.rows(TABLE).find((r) => r.ip === "45.33.32.156")?.e25, 7, "23:25 in the hour item");

      // The same notification delivered again counts nothing twice and queues nothing.
      assert.deepEqual(await handler(created(KEY, "v1"), context), { processed: 1, blocked: 0 });
      assert.equal(sqs.bodies.length, 1);
      assert.equal(dynamo.rows(TABLE).find((r) => r.ip === "45.33.32.156")?.e25, 7, "23:25 in the hour item");
    });

    it("reads the documented ALB sample without blocking anyone under the thresholds", async () => {
      const handler = load("waf-log-parser.handler", LOG_ENV);
      objects.set(`${BUCKET}/${KEY}#v2`, gzipSync(Buffer.from(fixtureText("alb-documented.log"))));
      assert.deepEqual(await handler(created(KEY, "v2"), context), { processed: 1, blocked: 0 });
      assert.equal(sqs.calls.length, 0);
    });

    it("rejects events that are not S3 object events, and skips objects that are not gzip logs, without reading or sending", async () => {
      const handler = load("waf-log-parser.handler", LOG_ENV);
      for (const hostile of [null, "x", { detail: "x" }, { Records: "x" }, fixture("guardduty-port-probe.json")]) {
        assert.deepEqual(await handler(hostile, context), { processed: 0 }, JSON.stringify(hostile)?.slice(0, 80));
      }
      assert.deepEqual(await handler(created("AWSLogs/readme.txt", "v1"), context), { processed: 1, blocked: 0 });
      assert.deepEqual(reads, []);
      assert.equal(sqs.calls.length, 0);
      assert.deepEqual(dynamo.rows(TABLE), []);
    });

    it("fails the invocation when the object cannot be read, releasing its claim so the retry counts it", async () => {
      const handler = load("waf-log-parser.handler", LOG_ENV);
      await assert.rejects(() => handler(created(KEY, "v9"), context), /does not exist/);
      assert.deepEqual(dynamo.rows(TABLE), [], "no claim left behind");
      put(KEY, "v9", Array.from({ length: 6 }, (_, i) => albLine("45.33.32.156", i, "403")));
      assert.deepEqual(await handler(created(KEY, "v9"), context), { processed: 1, blocked: 1 });
      assert.deepEqual(sqs.requests().map((r) => r.addresses), [["45.33.32.156"]]);
    });
  });

  describe("waf-reputation-feeder (scheduled)", () => {
    const DROP = "https://lists.example.net/drop.txt";
    const DROPV6 = "https://lists.example.net/dropv6.txt";
    const scheduled = (id = "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa") => ({
      version: "0",
      id,
      "detail-type": "Scheduled Event",
      source: "aws.events",
      account: HOME,
      time: "2026-11-23T06:00:00Z",
      region: "us-east-1",
      resources: [`arn:aws:events:us-east-1:${HOME}:rule/kamae-waf-reputation-schedule`],
      detail: {},
    });
    const realFetch = globalThis.fetch;
    let answers: Record<string, () => Promise<Response>>;
    let fetched: string[];

    beforeEach(() => {
      fetched = [];
      answers = {
        [DROP]: async () => new Response("; Spamhaus DROP List 2026/11/23\n1.10.16.0/20 ; SBL256894\n1.19.0.0/16 ; SBL434604\n", { headers: { "content-type": "text/plain" } }),
        [DROPV6]: async () => new Response("; Spamhaus DROPv6\n2a06:e480::/29 ; SBL2\n"),
      };
      // No network in tests: any URL the feeder asks for that is not answered here fails loudly.
      globalThis.fetch = (async (url: string | URL | Request) => {
        const u = String(url);
        fetched.push(u);
        const answer = answers[u];
        if (!answer) throw new TypeError(`fetch failed: unexpected URL ${u}`);
        return answer();
      }) as typeof fetch;
    });
    afterEach(() => {
      globalThis.fetch = realFetch;
    });

    it("queues every listed network with request ids of this schedule tick, the same again when the tick is retried", async () => {
      const handler = load("waf-reputation-feeder.handler", { KAMAE_REPUTATION_URLS: `${DROP},${DROPV6}` });
      assert.deepEqual(await handler(scheduled(), context), { lists: 2, sent: 2 });
      assert.deepEqual(fetched, [DROP, DROPV6]);
      const requests = sqs.requests();
      assert.deepEqual(requests.map((r) => [r.source, r.addresses, r.reason]), [
        ["reputation", ["1.10.16.0/20", "1.19.0.0/16"], "listed in drop.txt"],
        ["reputation", ["2a06:e480::/29"], "listed in dropv6.txt"],
      ]);
      assert.ok(requests.every((r) => r.requestId!.endsWith(":53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa")));
      await handler(scheduled(), context);
      assert.deepEqual(sqs.requests().slice(2), requests, "a retried tick replays the same requests");
    });

    it("reads the Spamhaus lists by default", async () => {
      const handler = load("waf-reputation-feeder.handler", {});
      answers = { "https://www.spamhaus.org/drop/drop.txt": answers[DROP], "https://www.spamhaus.org/drop/edrop.txt": async () => new Response("; EDROP merged into DROP\n"), "https://www.spamhaus.org/drop/dropv6.txt": answers[DROPV6] };
      assert.deepEqual(await handler(scheduled(), context), { lists: 3, sent: 2 });
      assert.deepEqual(fetched, Object.keys(answers));
    });

    it("a failed or garbled download sends nothing for that list and unblocks nothing; the good list is still sent, then the run fails", async () => {
      const handler = load("waf-reputation-feeder.handler", { KAMAE_REPUTATION_URLS: `${DROP},${DROPV6}` });
      answers[DROP] = async () => new Response("<html>503 Service Unavailable</html>", { status: 503 });
      await assert.rejects(() => handler(scheduled(), context), /drop\.txt answered HTTP 503/);
      answers[DROP] = async () => new Response("<html><body>Just a moment...</body></html>\n");
      await assert.rejects(() => handler(scheduled("tick-2"), context), /drop\.txt: no entries/);
      answers[DROPV6] = async () => {
        throw new TypeError("fetch failed");
      };
      await assert.rejects(() => handler(scheduled("tick-3"), context), /fetch failed/);
      // Only the good list's blocks were queued (twice, one per tick it answered); no unblock of anything.
      assert.deepEqual(sqs.requests().map((r) => [r.kind, r.addresses]), [
        ["kamae.block", ["2a06:e480::/29"]],
        ["kamae.block", ["2a06:e480::/29"]],
      ]);
    });

    it("refuses a list URL that is not https at cold start", () => {
      assert.throws(() => load("waf-reputation-feeder.handler", { KAMAE_REPUTATION_URLS: "http://lists.example.net/drop.txt" }), /not an https URL/);
      assert.deepEqual(fetched, []);
    });
  });

  describe("waf-honeypot (HTTP API, payload 2.0)", () => {
    /** An API Gateway HTTP API request (payload format 2.0), as the honeypot route receives it. */
    const hit = (sourceIp: string, headers: Record<string, string> = {}) => ({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/wp-admin/setup-config.php",
      rawQueryString: "step=1",
      headers: { accept: "*/*", host: "honeypot.example.com", "user-agent": "Mozilla/5.0 zgrab/0.x", ...headers },
      queryStringParameters: { step: "1" },
      requestContext: {
        accountId: HOME,
        apiId: "a1b2c3d4e5",
        domainName: "honeypot.example.com",
        domainPrefix: "honeypot",
        http: { method: "GET", path: "/wp-admin/setup-config.php", protocol: "HTTP/1.1", sourceIp, userAgent: "Mozilla/5.0 zgrab/0.x" },
        requestId: "JKJaXmPLvHcESHA=",
        routeKey: "$default",
        stage: "$default",
        time: "23/Nov/2026:06:00:00 +0000",
        timeEpoch: 1795413600000,
      },
      isBase64Encoded: false,
    });
    const NOT_FOUND = { statusCode: 404, headers: { "content-type": "text/plain" }, body: "Not Found" };

    it("blocks the connection's peer and ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
      const handler = load("waf-honeypot.handler", { KAMAE_TRUSTED_PROXIES: "130.176.0.0/16,2600:9000::/28" });
      assert.deepEqual(await handler(hit("45.33.32.156", { "x-forwarded-for": "8.8.8.8, 1.1.1.1" }), context), NOT_FOUND);
      assert.deepEqual(await handler(hit("2a00:1450:4001:811::200e", { "X-Forwarded-For": "9.9.9.9" }), context), NOT_FOUND);
      assert.deepEqual(sqs.requests().map((r) => [r.source, r.addresses, r.requestId]), [
        ["honeypot", ["45.33.32.156"], "hp:JKJaXmPLvHcESHA="],
        ["honeypot", ["2a00:1450:4001:811::200e"], "hp:JKJaXmPLvHcESHA="],
      ]);
      assert.match(sqs.requests()[0].reason, /honeypot \/wp-admin\/setup-config\.php/);
    });

    it("behind a trusted proxy blocks the nearest untrusted forwarded address, never a spoofed left-most one", async () => {
      const handler = load("waf-honeypot.handler", { KAMAE_TRUSTED_PROXIES: "130.176.0.0/16" });
      await handler(hit("130.176.1.1", { "x-forwarded-for": "8.8.8.8, 45.33.32.156, 130.176.9.9" }), context);
      assert.deepEqual(sqs.requests().map((r) => r.addresses), [["45.33.32.156"]]);
    });

    it("trusts no proxy when none is configured (the component's default): a CDN's address is the one blocked", async () => {
      const handler = load("waf-honeypot.handler", { KAMAE_TRUSTED_PROXIES: "" });
      await handler(hit("130.176.1.1", { "x-forwarded-for": "45.33.32.156" }), context);
      assert.deepEqual(sqs.requests().map((r) => r.addresses), [["130.176.1.1"]]);
    });

    it("sends nothing for a request without a readable peer or with a garbled chain, and answers the same 404", async () => {
      const handler = load("waf-honeypot.handler", { KAMAE_TRUSTED_PROXIES: "130.176.0.0/16" });
      const noPeer = hit("45.33.32.156");
      delete (noPeer.requestContext.http as { sourceIp?: string }).sourceIp;
      for (const event of [noPeer, hit("not-an-ip"), hit("130.176.1.1", { "x-forwarded-for": "8.8.8.8, <script>" }), hit("130.176.1.1"), null, "x"]) {
        assert.deepEqual(await handler(event, context), NOT_FOUND);
      }
      assert.equal(sqs.calls.length, 0);
    });

    it("refuses unreadable trusted proxies at cold start", () => {
      assert.throws(() => load("waf-honeypot.handler", { KAMAE_TRUSTED_PROXIES: "130.176.0.0/16,cdn.example.com" }), /KAMAE_TRUSTED_PROXIES/);
    });
  });
});
