import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { strict as assert } from "node:assert";
import { blockMessages, MAX_ADDRESSES_PER_MESSAGE, parseQueueMessage } from "../../components/waf-auto-block/lambda/block-request";
import { sendBlockRequests } from "../../components/waf-auto-block/lambda/block-queue";
import { awsError } from "../harness/aws";

describe("block queue sender", () => {
  const sqs = new SQSClient({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
  const mock = mockClient(sqs);
  let delivered: string[];
  let flaky: Set<string>;

  beforeEach(() => {
    mock.reset();
    delivered = [];
    flaky = new Set();
    // SQS's rules: at most 10 entries with distinct ids, at most 256 KiB per message; entries may fail one by one.
    mock.on(SendMessageBatchCommand).callsFake(async (input) => {
      const entries = input.Entries ?? [];
      if (entries.length > 10) throw awsError("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "Maximum number of entries per request are 10");
      if (new Set(entries.map((e: any) => e.Id)).size !== entries.length) throw awsError("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id repeated");
      const Successful: any[] = [];
      const Failed: any[] = [];
      for (const e of entries) {
        if (Buffer.byteLength(e.MessageBody) > 262_144) throw awsError("AWS.SimpleQueueService.BatchRequestTooLong", "too long");
        if (flaky.has(e.MessageBody)) {
          flaky.delete(e.MessageBody);
          Failed.push({ Id: e.Id, Code: "InternalError", SenderFault: false });
        } else {
          delivered.push(e.MessageBody);
          Successful.push({ Id: e.Id, MessageId: `m-${delivered.length}` });
        }
      }
      return { Successful, Failed };
    });
  });

  it("splits a large list into valid messages within SQS limits, and retries entries SQS failed", async () => {
    const addresses = Array.from({ length: 25_000 }, (_, i) => `11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    const requests = blockMessages({ source: "reputation", reason: "listed", requestId: "rep:abc:evt" }, addresses);
    assert.equal(requests.length, Math.ceil(25_000 / MAX_ADDRESSES_PER_MESSAGE));
    flaky.add(JSON.stringify(requests[3]));
    const sent = await sendBlockRequests(sqs, "https://sqs.us-east-1.amazonaws.com/123456789012/q", requests, async () => {});
    assert.equal(sent, requests.length);
    const bodies = delivered.map((b) => parseQueueMessage(b));
    assert.ok(bodies.every((b) => b.ok));
    assert.equal(new Set(bodies.flatMap((b) => (b.ok && b.value.kind === "kamae.block" ? b.value.addresses : []))).size, 25_000);
    assert.equal(new Set(bodies.map((b) => (b.ok && b.value.kind === "kamae.block" ? b.value.requestId : ""))).size, requests.length, "each part has its own request id");
  });

  it("throws (so the event goes to the failure queue) when SQS keeps refusing", async () => {
    mock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: "0", Code: "KMS.AccessDeniedException", SenderFault: true }] });
    await assert.rejects(() => sendBlockRequests(sqs, "https://q", blockMessages({ source: "honeypot", reason: "r" }, ["45.33.32.156"]), async () => {}), /KMS.AccessDeniedException/);
  });
});
