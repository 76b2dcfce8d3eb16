import { strict as assert } from "node:assert";
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetIPSetCommand, UpdateIPSetCommand } from "@aws-sdk/client-wafv2";
import { BatchGetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { FakeAws as GuardDutyAws } from "../guardduty-responder/fakes";
import { FakeSns } from "../api-activity-alerts/fakes";
import { BATCH_GET_RESPONSE_BYTES, FakeDynamo, FakeWaf, ITEM_LIMIT_BYTES, itemSize } from "../waf-auto-block/fakes";
import { FakeClock } from "./aws";
import { refusePublish, SNS_MESSAGE_LIMIT_BYTES } from "./sns";

/** Each fake refuses what the real API refuses: the tests below are the fakes' own contract. */

const TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";
const refused = (input: Record<string, unknown>): string | undefined => {
  try {
    refusePublish({ TopicArn: TOPIC, Message: "m", ...input }, (arn) => arn === TOPIC);
    return undefined;
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
};

describe("fakes refuse what AWS refuses", () => {
  describe("SNS Publish", () => {
    it("accepts a subject of exactly 100 printable ASCII characters and refuses 101", () => {
      assert.equal(refused({ Subject: "a".repeat(100) }), undefined);
      assert.equal(refused({ Subject: "a".repeat(101) }), "InvalidParameterException: Invalid parameter: Subject");
    });

    it("refuses subjects with any control character, non-ASCII text, a leading space, or nothing", () => {
      for (const subject of ["line\nbreak", "carriage\rreturn", "tab\there", "bell\u0007", "del\u007f", "c1\u0085", "café", "", " leading"]) {
        assert.equal(refused({ Subject: subject }), "InvalidParameterException: Invalid parameter: Subject", JSON.stringify(subject));
      }
      assert.equal(refused({ Subject: "[Kamae] blocked 2 addresses: ok!" }), undefined);
    });

    it("counts the message in UTF-8 bytes, with its attributes, up to 262,144", () => {
      assert.equal(refused({ Message: "a".repeat(SNS_MESSAGE_LIMIT_BYTES) }), undefined);
      assert.match(refused({ Message: "a".repeat(SNS_MESSAGE_LIMIT_BYTES + 1) })!, /Message too long/);
      // 131,073 two-byte characters are fewer characters than the limit but more bytes.
      assert.match(refused({ Message: "é".repeat(SNS_MESSAGE_LIMIT_BYTES / 2 + 1) })!, /Message too long/);
      assert.match(refused({ Message: "a".repeat(SNS_MESSAGE_LIMIT_BYTES - 10), MessageAttributes: { outcome: { DataType: "String", StringValue: "isolated" } } })!, /Message too long/);
    });

    it("refuses an empty or missing message and an unknown topic, with SDK v3's error names", () => {
      assert.equal(refused({ Message: "" }), "InvalidParameterException: Invalid parameter: Empty message");
      assert.equal(refused({ Message: undefined }), "InvalidParameterException: Invalid parameter: Empty message");
      assert.equal(refused({ TopicArn: `${TOPIC}-other` }), "NotFoundException: Topic does not exist");
    });

    it("is what the responders' SNS fakes apply", async () => {
      const sns = new FakeSns([TOPIC]);
      try {
        await assert.rejects(new SNSClient({ region: "us-east-1" }).send(new PublishCommand({ TopicArn: TOPIC, Subject: "two\tfields", Message: "m" })), { name: "InvalidParameterException" });
        assert.equal(sns.published.length, 0);
      } finally {
        sns.restore();
      }
    });
  });

  describe("DynamoDB BatchGetItem and PutItem", () => {
    let dynamo: FakeDynamo;
    beforeEach(() => (dynamo = new FakeDynamo({ t: ["cidr"] })));
    afterEach(() => dynamo.restore());
    const batchGet = (keys: string[]) => dynamo.client.send(new BatchGetCommand({ RequestItems: { t: { Keys: keys.map((cidr) => ({ cidr })) } } }));

    it("refuses the same key twice in one call (ValidationException), as DynamoDB does", async () => {
      await assert.rejects(batchGet(["1.2.3.4/32", "5.6.7.8/32", "1.2.3.4/32"]), { name: "ValidationException", message: /duplicates/ });
      assert.equal((await batchGet(["1.2.3.4/32", "5.6.7.8/32"])).Responses?.t?.length, 0);
    });

    it("takes 1 to 100 keys per call", async () => {
      const keys = Array.from({ length: 101 }, (_, i) => `10.0.${i}.1/32`);
      dynamo.batchGetServes = 1000;
      assert.deepEqual((await batchGet(keys.slice(0, 100))).UnprocessedKeys, {});
      await assert.rejects(batchGet(keys), { name: "ValidationException" });
      await assert.rejects(batchGet([]), { name: "ValidationException" });
    });

    it("returns at most 16 MB of items and leaves the other keys unprocessed", async () => {
      dynamo.batchGetServes = 1000;
      const big = "x".repeat(390 * 1024);
      const keys = Array.from({ length: 60 }, (_, i) => `10.0.${i}.1/32`);
      for (const cidr of keys) await dynamo.client.send(new PutCommand({ TableName: "t", Item: { cidr, big } }));
      const out = await batchGet(keys);
      const served = out.Responses!.t!.length;
      assert.equal(served, Math.floor(BATCH_GET_RESPONSE_BYTES / itemSize({ cidr: keys[0], big })));
      assert.equal(out.UnprocessedKeys!.t!.Keys!.length, keys.length - served);
    });

    it("refuses an item over 400 KB, names and values counted in UTF-8 bytes", async () => {
      const fits = { cidr: "1.2.3.4/32", d: "x".repeat(ITEM_LIMIT_BYTES - "cidr1.2.3.4/32d".length) };
      assert.equal(itemSize(fits), ITEM_LIMIT_BYTES);
      await dynamo.client.send(new PutCommand({ TableName: "t", Item: fits }));
      await assert.rejects(dynamo.client.send(new PutCommand({ TableName: "t", Item: { ...fits, d: `${fits.d}x` } })), { name: "ValidationException", message: /maximum allowed size/ });
      await assert.rejects(dynamo.client.send(new PutCommand({ TableName: "t", Item: { ...fits, d: `${fits.d.slice(1)}é` } })), { name: "ValidationException" });
    });

    it("sizes items as the developer guide's examples do", () => {
      assert.equal(itemSize({ a: "abc" }), 4);
      assert.equal(itemSize({ n: 12345 }), 1 + 3 + 1); // five significant digits: three bytes, plus one
      assert.equal(itemSize({ n: 1_700_000_000_000 }), 1 + 1 + 1); // trailing zeros are trimmed
      assert.equal(itemSize({ ok: true, l: ["ab", "c"], m: { k: "v" } }), 2 + 1 + 1 + 3 + 2 * 1 + 3 + 1 + 1 + 3 + 2);
    });
  });

  describe("WAF UpdateIPSet", () => {
    let waf: FakeWaf;
    beforeEach(() => (waf = new FakeWaf(new FakeClock())));
    afterEach(() => waf.restore());

    it("refuses an update without Addresses or LockToken instead of reading it as an empty set", async () => {
      const set = waf.create("s", 4);
      waf.externalEdit(set.id, ["1.2.3.4/32"]);
      const { LockToken } = await waf.client.send(new GetIPSetCommand({ Name: set.name, Id: set.id, Scope: "REGIONAL" }));
      await assert.rejects(waf.client.send(new UpdateIPSetCommand({ Name: set.name, Id: set.id, Scope: "REGIONAL", LockToken } as never)), { name: "WAFInvalidParameterException", message: /ADDRESSES/ });
      await assert.rejects(waf.client.send(new UpdateIPSetCommand({ Name: set.name, Id: set.id, Scope: "REGIONAL", Addresses: [] } as never)), { name: "WAFInvalidParameterException", message: /LOCKTOKEN/ });
      assert.deepEqual(waf.contents(set.id), ["1.2.3.4/32"]);
      await waf.client.send(new UpdateIPSetCommand({ Name: set.name, Id: set.id, Scope: "REGIONAL", LockToken, Addresses: [] }));
      assert.deepEqual(waf.contents(set.id), []);
    });
  });

  describe("Step Functions executions", () => {
    const MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:kamae-credentials";
    let clock: FakeClock;
    let aws: GuardDutyAws;
    const sfn = new SFNClient({ region: "us-east-1" });
    const start = (name: string, input = '{"a":1}') => sfn.send(new StartExecutionCommand({ stateMachineArn: MACHINE, name, input }));
    beforeEach(() => {
      clock = new FakeClock();
      aws = new GuardDutyAws(clock);
      aws.stateMachines.add(MACHINE);
    });
    afterEach(() => aws.restore());

    it("answers a repeat of a running execution with the same execution, and refuses it once the execution has ended", async () => {
      const first = await start("f-1");
      assert.equal((await start("f-1")).executionArn, first.executionArn);
      await assert.rejects(start("f-1", '{"a":2}'), { name: "ExecutionAlreadyExists" });
      clock.advance(aws.executionMs);
      assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn: first.executionArn }))).status, "SUCCEEDED");
      await assert.rejects(start("f-1"), { name: "ExecutionAlreadyExists" });
    });

    it("keeps a history that starts and ends", async () => {
      const { executionArn } = await start("f-2");
      const running = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      assert.deepEqual(running.events!.map((e) => e.type), ["ExecutionStarted"]);
      aws.endExecution(executionArn!, "FAILED");
      const ended = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      assert.deepEqual(ended.events!.map((e) => e.type), ["ExecutionStarted", "ExecutionFailed"]);
      assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status, "FAILED");
      await assert.rejects(sfn.send(new DescribeExecutionCommand({ executionArn: `${executionArn}-x` })), { name: "ExecutionDoesNotExist" });
    });

    it("refuses invalid names and inputs", async () => {
      for (const name of ["", "a".repeat(81), "has space", "a/b", "a:b", "tab\t", "brace{"]) await assert.rejects(start(name), { name: "InvalidName" }, JSON.stringify(name));
      assert.ok((await start("a".repeat(80))).executionArn);
      await assert.rejects(start("ok-1", "{not json"), { name: "InvalidExecutionInput" });
      await assert.rejects(start("ok-2", JSON.stringify({ s: "x".repeat(262_144) })), { name: "InvalidExecutionInput" });
    });
  });
});
