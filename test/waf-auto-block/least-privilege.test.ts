import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { Context, SQSEvent } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { FakeClock } from "../harness/aws";
import { builtFunction, checkCommands, commandsOf, type SentCommand } from "../harness/least-privilege";
import { ACCOUNT_ID, REGION, resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";
import { FakeDynamo, FakeWaf } from "./fakes";
import { FakeSqs, HandlerLoader } from "./feeder-harness";
import { refusePublish } from "../harness/sns";

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../components/waf-auto-block/fixtures", name), "utf8"));
const context = { functionName: "f", awsRequestId: "req-1", invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:f` } as Context;
const LOGS = "alb-logs-prod";
const LOG_KEY = `AWSLogs/${ACCOUNT_ID}/elasticloadbalancing/${REGION}/2026/11/22/${ACCOUNT_ID}_elasticloadbalancing_${REGION}_app.web.50dc6c495c0c9188_20261122T2330Z_10.0.1.17_5s2kzrty.log.gz`;
const LIST = "https://lists.example.net/drop.txt";

/**
 * Every AWS call of WafAutoBlock's writer and of each feeder is granted by the policy the component builds for that
 * function, and nothing more: each handler module loaded with the settings the component gives it, against the fakes.
 */
describe("WafAutoBlock: every AWS call is granted, and nothing more", () => {
  const loader = new HandlerLoader();
  const fakes: Array<{ restore(): void }> = [];
  const realFetch = globalThis.fetch;
  afterEach(() => {
    for (const f of fakes.splice(0)) f.restore();
    loader.restore();
    globalThis.fetch = realFetch;
  });

  it("the writer and the event, log, reputation and honeypot feeders", async () => {
    await useOfflineMocks();
    new WafAutoBlock("wab", {
      mode: "enforce",
      deepSecurity: { topics: { ips: `arn:aws:sns:${REGION}:${ACCOUNT_ID}:ds-events` } },
      guardDuty: {},
      accessLogs: { bucketNames: [LOGS], errorsPerMinute: 5, requestsPer5Minutes: 10 },
      reputationLists: { urls: [LIST] },
      honeypot: {},
      privilegedSenderArns: [`arn:aws:iam::${ACCOUNT_ID}:role/incident-operators`],
    });
    await settle();
    // The IP sets as AWS names them: the id is the last part of the ARN.
    const ids = Object.fromEntries(resourcesOfType("aws:wafv2/ipSet:IpSet").map((r) => [r.state.id, r.state.arn.split("/").at(-1)]));
    const fn = (name: string) => builtFunction(`wab-${name}`, { ids });
    const where = (policy: any) => ({ accountId: ACCOUNT_ID, region: REGION, key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey").Resource[0] });

    // Feeders: each sends block requests to the writer's queue.
    const feeders: Array<[string, string, (handler: (e: unknown, c: Context) => Promise<any>) => Promise<void>]> = [
      ["events", "waf-event-feeder", async (handler) => {
        await handler(fixture("sns-deep-security-event.json"), context);
        await handler(fixture("guardduty-port-probe.json"), context);
      }],
      ["log-parser", "waf-log-parser", async (handler) => {
        const s3 = mockClient(S3Client);
        const counters = new FakeDynamo({ [fn("log-parser").env.KAMAE_COUNTER_TABLE]: ["ip", "minute"] }, true);
        fakes.push(s3, counters);
        const line = (ip: string, minute: number, second: number, status: string) => {
          const time = `2026-11-22T23:${minute}:${String(second).padStart(2, "0")}.000000Z`;
          return `https ${time} app/web/50dc6c495c0c9188 ${ip}:40000 10.0.1.17:80 0.000 0.001 0.000 ${status} ${status} 34 366 "GET https://www.example.com:443/wp-login.php HTTP/1.1" "sqlmap/1.7" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:targetgroup/web/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe355" "www.example.com" "-" 0 ${time} "forward" "-" "-" "10.0.1.17:80" "${status}" "-" "-" TID_1`;
        };
        // A scanner's errors, and a flood near the end of the hour (its window reads the next hour's counts).
        const scanner = Array.from({ length: 7 }, (_, i) => line("45.33.32.156", 25, i, "404"));
        const flood = Array.from({ length: 12 }, (_, i) => line("203.0.113.80", 59, i, "200"));
        const body = gzipSync(Buffer.from([...scanner, ...flood].join("\n")));
        s3.on(GetObjectCommand).callsFake(async (input) => {
          if (input.Key !== LOG_KEY) throw Object.assign(new Error("Access Denied"), { name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
          return { Body: Readable.from([body]), ContentLength: body.length };
        });
        const created = (key: string, versionId?: string) => {
          const event = fixture("s3-eventbridge-object-created.json");
          Object.assign(event, { account: ACCOUNT_ID, resources: [`arn:aws:s3:::${LOGS}`] });
          event.detail.bucket.name = LOGS;
          event.detail.object = { ...event.detail.object, key, etag: "e" };
          if (versionId) event.detail.object["version-id"] = versionId;
          else delete event.detail.object["version-id"];
          return event;
        };
        assert.equal((await handler(created(LOG_KEY, "v1"), context)).blocked, 2);
        // An unversioned bucket's object; one that cannot be read releases its claim for the retry.
        await handler(created(LOG_KEY), context);
        await assert.rejects(handler(created(LOG_KEY.replace("5s2kzrty", "unreadable")), context), /Access Denied/);
        commands.push(...commandsOf([s3, counters.mock]));
      }],
      ["reputation", "waf-reputation-feeder", async (handler) => {
        globalThis.fetch = (async () => new Response("; DROP\n1.10.16.0/20 ; SBL256894\n")) as unknown as typeof fetch;
        await handler({ version: "0", id: "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event", source: "aws.events", account: ACCOUNT_ID, time: "2026-11-23T06:00:00Z", region: REGION, resources: [], detail: {} }, context);
      }],
      ["honeypot", "waf-honeypot", async (handler) => {
        await handler({ version: "2.0", routeKey: "$default", rawPath: "/wp-admin/", headers: {}, requestContext: { accountId: ACCOUNT_ID, apiId: "a1b2c3d4e5", http: { method: "GET", path: "/wp-admin/", protocol: "HTTP/1.1", sourceIp: "45.33.32.156", userAgent: "zgrab" }, requestId: "JKJaXmPLvHcESHA=", routeKey: "$default", stage: "$default", timeEpoch: 1795413600000 }, isBase64Encoded: false }, context);
      }],
    ];
    let commands: SentCommand[] = [];
    for (const [name, code, exercise] of feeders) {
      const { env, policy } = fn(name);
      const sqs = new FakeSqs([env.KAMAE_BLOCK_QUEUE_URL]);
      fakes.push(sqs);
      commands = [];
      await exercise(loader.load(`${code}.handler`, env));
      assert.ok(sqs.bodies.length > 0, `${code} sent block requests`);
      checkCommands(code, policy, [...commands, ...commandsOf([sqs.mock])], where(policy));
    }

    // The writer: blocks (one network too broad, which is notified), an unblock, a sweep.
    const { env, policy } = fn("writer");
    const clock = new FakeClock();
    clock.now = () => Date.now();
    const waf = new FakeWaf(clock, 10_000, true);
    const dynamo = new FakeDynamo({ [env.KAMAE_BLOCK_TABLE]: ["cidr"] }, true);
    const sns = mockClient(SNSClient);
    // Publish refused as SNS refuses it (subject rules included): test/harness/sns.ts.
    sns.on(PublishCommand).callsFake((input) => (refusePublish(input, () => true), { MessageId: "m-1" }));
    fakes.push(waf, dynamo, sns);
    for (const set of JSON.parse(env.KAMAE_IP_SETS)) waf.create(set.name, set.version, set.scope, set.id);
    const handler = loader.load("waf-block-writer.handler", { ...env, POWERTOOLS_METRICS_DISABLED: "true" }) as unknown as (e: SQSEvent, c: Context) => Promise<any>;
    const operator = `${env.KAMAE_PRIVILEGED_SENDER_IDS}:operator`;
    const message = (id: string, body: unknown) => ({ messageId: id, receiptHandle: "r", body: JSON.stringify(body), attributes: { SenderId: operator }, messageAttributes: {}, md5OfBody: "", eventSource: "aws:sqs", eventSourceARN: "q", awsRegion: REGION });
    await handler({ Records: [message("1", { kind: "kamae.block", addresses: ["45.33.32.156", "2a00:1450:4001:811::200e"], source: "guardduty", reason: "r" }), message("4", { kind: "kamae.block", addresses: ["1.0.0.0/8"], source: "reputation", reason: "listed" })] } as SQSEvent, context);
    await handler({ Records: [message("2", { kind: "kamae.unblock", addresses: ["45.33.32.156"], reason: "false positive" }), message("3", { kind: "kamae.sync" })] } as SQSEvent, context);
    assert.deepEqual(waf.all(), ["2a00:1450:4001:811::200e/128"], "the operator's unblock lifted the other block");
    checkCommands("waf-block-writer", policy, commandsOf([waf.mock, dynamo.mock, sns]), where(policy), {
      "sqs:ReceiveMessage": "the event source mapping receives the queue's messages with the function's role",
      "sqs:DeleteMessage": "the event source mapping deletes the messages the function handled",
      "sqs:GetQueueAttributes": "the event source mapping reads the queue's attributes",
    });
  });
});
