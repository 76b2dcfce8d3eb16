import { strict as assert } from "node:assert";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { WafAutoBlock } from "../../components/waf-auto-block";
import { DEFAULT_COUNTER_OPTIONS } from "../../components/waf-auto-block/lambda/access-log";
import type { BlockRequest } from "../../components/waf-auto-block/lambda/block-request";
import { processLogObject, type LogParserDeps } from "../../components/waf-auto-block/lambda/log-parser";
import { DynamoCounterStore } from "../../components/waf-auto-block/lambda/log-window";
import { DEFAULT_THRESHOLDS } from "../../components/waf-auto-block/lambda/settings";
import { CidrSet } from "../../components/shared/net/cidr";
import { FakeClock } from "../harness/aws";
import { resourcesOfType, settle, useOfflineMocks } from "../harness/pulumi";
import { FakeDynamo } from "./fakes";

// A request threshold of 100 (the deployed default is 1,000) keeps the log fixtures small.
const THRESHOLDS = { ...DEFAULT_THRESHOLDS, requestsPer5Minutes: 100 };

const TABLE = "kamae-counters";
/** An address of CloudFront's origin-facing ranges (the managed prefix list holds 205.251.249.0/24). */
const EDGE = "205.251.249.17";
const alb = (ip: string, second: number) =>
  `https 2024-05-01T10:0${Math.floor(second / 60)}:${String(second % 60).padStart(2, "0")}.000000Z app/lb/50dc6c495c0c9188 ${ip}:40000 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET https://example.com:443/x HTTP/1.1" "ua" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/t/73e2d6bc24d8a067 "Root=1-5" "-" "-" 0 2024-05-01T10:00:00.000000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1`;

describe("WafAutoBlock access logs: proxies are not attackers (issue 18, point 5)", () => {
  let sent: BlockRequest[];
  const deps = (dynamo: FakeDynamo, body: Buffer, trusted?: string[]): LogParserDeps => ({
    getObject: async () => Readable.from([body]),
    counters: new DynamoCounterStore(dynamo.client, TABLE, new FakeClock().now),
    thresholds: THRESHOLDS,
    counter: DEFAULT_COUNTER_OPTIONS,
    send: async (r) => sent.push(...r),
    target: { accountId: "123456789012", region: "us-east-1" },
    ...(trusted ? { trustedProxies: new CidrSet(trusted) } : {}),
  });
  beforeEach(() => (sent = []));

  it("never counts nor blocks a CloudFront edge that carries ordinary traffic, and still blocks a direct client", async () => {
    // 150 ordinary 200s in 5 minutes through one edge (many users), and as many from one direct client.
    const lines = [...Array.from({ length: 150 }, (_, i) => alb(EDGE, i * 2)), ...Array.from({ length: 150 }, (_, i) => alb("45.33.32.156", i * 2))];
    const dynamo = new FakeDynamo({ [TABLE]: ["ip", "minute"] });
    const report = await processLogObject({ bucket: "alb-logs", key: "a.log.gz", eventName: "ObjectCreated:Put", eTag: "e1" }, deps(dynamo, gzipSync(lines.join("\n")), ["205.251.249.0/24"]));
    assert.equal(report.proxies, 1);
    assert.deepEqual(sent.flatMap((r) => r.addresses), ["45.33.32.156"]);
    assert.ok(!dynamo.rows(TABLE).some((r) => r.ip === EDGE), "the edge is not even counted");
  });

  it("the component trusts CloudFront's origin-facing ranges from the managed prefix list, and raises the request threshold", async () => {
    useOfflineMocks();
    new WafAutoBlock("wab", { accessLogs: { bucketNames: ["alb-logs-prod"], trustedProxies: ["198.51.100.0/24"] } });
    await settle();
    const env = resourcesOfType("aws:lambda/function:Function").find((f) => f.name === "wab-log-parser-function")!.inputs.environment.variables;
    const trusted = String(env.KAMAE_TRUSTED_PROXIES).split(",");
    assert.ok(trusted.includes("198.51.100.0/24") && trusted.includes("205.251.249.0/24"), trusted.join(","));
    assert.equal(env.KAMAE_REQUESTS_PER_5_MINUTES, "1000");
    assert.throws(() => new WafAutoBlock("bad", { accessLogs: { bucketNames: ["alb-logs-prod"], trustedProxies: ["not-a-cidr"] } }), /trustedProxies/);
  });
});
