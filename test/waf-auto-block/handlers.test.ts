import { strict as assert } from "node:assert";
import type { Context, SQSEvent } from "aws-lambda";
import { FakeClock } from "../harness/aws";
import { FakeDynamo, FakeWaf } from "./fakes";

const context = { functionName: "waf-block-writer", awsRequestId: "req-1", invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:w" } as Context;

describe("waf-block-writer handler (module as Lambda loads it)", () => {
  const saved = { ...process.env };
  const fakes: Array<{ restore(): void }> = [];
  after(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    for (const f of fakes) f.restore();
  });

  it("reads its settings, applies an SQS batch to the table and the IP sets, and names the account and Region", async () => {
    // The handler paces its writes in real time, so the fake's rate limit runs on the real clock here.
    const clock = new FakeClock();
    clock.now = () => Date.now();
    const waf = new FakeWaf(clock, 10_000, true);
    const dynamo = new FakeDynamo({ "kamae-blocks": ["cidr"] }, true);
    fakes.push(waf, dynamo);
    const sets = [waf.create("wab-ipv4-0", 4), waf.create("wab-ipv6-0", 6)];
    Object.assign(process.env, {
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "x",
      AWS_SECRET_ACCESS_KEY: "y",
      KAMAE_HOME_ACCOUNT_ID: "123456789012",
      KAMAE_BLOCK_TABLE: "kamae-blocks",
      KAMAE_IP_SETS: JSON.stringify(sets),
      KAMAE_ALLOWLIST: "198.51.100.0/24",
      POWERTOOLS_METRICS_NAMESPACE: "Kamae/WafAutoBlock",
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require("../../components/waf-auto-block/lambda/waf-block-writer.handler") as { handler: (e: SQSEvent, c: Context) => Promise<any> };
    const message = (id: string, body: unknown) => ({ messageId: id, receiptHandle: "r", body: JSON.stringify(body), attributes: {}, messageAttributes: {}, md5OfBody: "", eventSource: "aws:sqs", eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:q", awsRegion: "us-east-1" });
    const event = {
      Records: [
        message("1", { kind: "kamae.block", addresses: ["45.33.32.156", "2a00:1450:4001:811::200e"], source: "guardduty", reason: "Recon:EC2/Portscan" }),
        message("2", { kind: "kamae.block", addresses: ["198.51.100.7"], source: "honeypot", reason: "allowlisted" }),
        { ...message("3", {}), body: "garbage" },
      ],
    } as SQSEvent;
    const out = await handler(event, context);
    assert.deepEqual(out, { batchItemFailures: [] });
    assert.deepEqual(waf.all().sort(), ["2a00:1450:4001:811::200e/128", "45.33.32.156/32"]);
    assert.equal(dynamo.rows("kamae-blocks").filter((r) => !String(r.cidr).startsWith("breaker#")).length, 2);
  });
});
