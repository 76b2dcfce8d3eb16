import { strict as assert } from "node:assert";
import { GetIPSetCommand } from "@aws-sdk/client-wafv2";
import { DynamoCounterStore } from "../../components/waf-auto-block/lambda/log-window";
import { IpSetWriter } from "../../components/waf-auto-block/lambda/ip-set-writer";
import { planShards } from "../../components/waf-auto-block/lambda/shard-plan";
import { awsError, FakeClock } from "../harness/aws";
import { FakeDynamo, FakeWaf } from "./fakes";

// Edges of the WAF writer's stores that the scenario tests never reach.
describe("WAF auto-block stores: edges", () => {
  it("a shard plan needs room for at least one address per IP set", () => {
    assert.throws(() => planShards([], [[]], 0), /shard capacity must be at least 1/);
    assert.deepEqual(planShards([], [[]], 1).targets, [[]]);
  });

  describe("log-file claims (S3 may deliver one object's notification twice)", () => {
    let dynamo: FakeDynamo;
    beforeEach(() => (dynamo = new FakeDynamo({ counters: ["ip", "minute"] })));
    afterEach(() => dynamo.restore());

    it("claims a file once; a second claim is refused until the first is released", async () => {
      const store = new DynamoCounterStore(dynamo.client, "counters", new FakeClock().now);
      assert.equal(await store.claimFile("bucket/key@v1"), true);
      assert.equal(await store.claimFile("bucket/key@v1"), false);
      assert.equal(await store.claimFile("bucket/key@v2"), true);
      await store.releaseFile("bucket/key@v1");
      assert.equal(await store.claimFile("bucket/key@v1"), true);
    });

    it("lets any other DynamoDB error through", async () => {
      const store = new DynamoCounterStore(dynamo.client, "counters", new FakeClock().now);
      dynamo.failPut = () => awsError("ProvisionedThroughputExceededException", "Throughput exceeds the current capacity");
      await assert.rejects(store.claimFile("bucket/key"), { name: "ProvisionedThroughputExceededException" });
    });
  });

  it("refuses to write a set whose read returned no lock token", async () => {
    const clock = new FakeClock();
    const waf = new FakeWaf(clock);
    try {
      const set = waf.create("s", 4);
      // An answer WAF never gives: without a token no update can be made, so the writer stops there.
      (waf.mock as unknown as { on(c: typeof GetIPSetCommand): { resolves(v: unknown): void } }).on(GetIPSetCommand).resolves({ IPSet: { Name: set.name, Id: set.id, ARN: "arn", IPAddressVersion: "IPV4", Addresses: [] } });
      const writer = new IpSetWriter(waf.client, { now: clock.now, sleep: clock.sleep, random: () => 0, minWriteIntervalMs: 1100, maxAttempts: 2 });
      await assert.rejects(writer.read(set), /GetIPSet of s returned no IP set or lock token/);
    } finally {
      waf.restore();
    }
  });
});
