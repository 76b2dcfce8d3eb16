import { CreateIPSetCommand, GetIPSetCommand, UpdateIPSetCommand, WAFV2Client } from "@aws-sdk/client-wafv2";
import { strict as assert } from "node:assert";
import { stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

describeAgainstEndpoint("WafAutoBlock's writer bundle: concurrent writers and lock conflicts against WAF's lock tokens", function () {
  const waf = new WAFV2Client({ region });
  let setId: string;
  let setName: string;
  const writers: LambdaFunction[] = [];

  const sqsEvent = (addresses: string[], tag: string) => ({
    Records: addresses.map((address, i) => ({
      messageId: `${tag}-${i}`,
      receiptHandle: `${tag}-${i}`,
      body: JSON.stringify({ kind: "kamae.block", addresses: [address], source: "guardduty", reason: `integration ${tag}`, ttlMinutes: 60, requestId: `${tag}-${i}` }),
      attributes: { ApproximateReceiveCount: "1", SentTimestamp: String(Date.now()), SenderId: HOME_ACCOUNT, ApproximateFirstReceiveTimestamp: String(Date.now()) },
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: `arn:aws:sqs:${region}:${HOME_ACCOUNT}:kamae-waf-block`,
      awsRegion: region,
    })),
  });
  const blocked = async () => ((await waf.send(new GetIPSetCommand({ Name: setName, Id: setId, Scope: "REGIONAL" }))).IPSet?.Addresses ?? []).sort();

  before(async () => {
    setName = uniqueName("kamae-it-block-v4");
    setId = (await waf.send(new CreateIPSetCommand({ Name: setName, Scope: "REGIONAL", IPAddressVersion: "IPV4", Addresses: [] }))).Summary!.Id!;
    const table = await stateTable("kamae-it-blocks", "cidr");
    const env = {
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
      KAMAE_BLOCK_TABLE: table,
      KAMAE_IP_SETS: JSON.stringify([{ name: setName, id: setId, scope: "REGIONAL", version: 4 }]),
      KAMAE_MIN_WRITE_INTERVAL_MS: "0",
    };
    // Two execution environments of the writer: what a second concurrent invocation would be.
    writers.push(await LambdaFunction.start("waf-block-writer", env), await LambdaFunction.start("waf-block-writer", env));
  });
  after(() => Promise.all(writers.map((w) => w.stop())));

  it("two writers at once, with an operator's edit in between, leave every requested address blocked", async () => {
    // An edit outside Kamae while the writers run: their lock tokens go stale and WAF refuses their first writes.
    const operator = (async () => {
      const current = await waf.send(new GetIPSetCommand({ Name: setName, Id: setId, Scope: "REGIONAL" }));
      await waf.send(new UpdateIPSetCommand({ Name: setName, Id: setId, Scope: "REGIONAL", Addresses: current.IPSet!.Addresses, LockToken: current.LockToken! }));
    })();
    // Each writer's batch is delivered as SQS would: an invocation that throws gets the whole batch again, one that
    // lists batchItemFailures gets those messages again (at most 5 deliveries, as a redrive policy would allow).
    const deliver = async (w: LambdaFunction, tag: string, addresses: string[]) => {
      let pending = addresses;
      for (let attempt = 1; pending.length > 0; attempt++) {
        assert.ok(attempt <= 5, `${tag}: still not placed after 5 deliveries\n${w.logText()}`);
        const out = await w.invoke(sqsEvent(pending, tag));
        if (out.error) continue;
        const failed = new Set(((out.result as { batchItemFailures?: Array<{ itemIdentifier: string }> }).batchItemFailures ?? []).map((f) => Number(f.itemIdentifier.split("-")[1])));
        pending = pending.filter((_, i) => failed.has(i));
      }
    };
    await Promise.all([deliver(writers[0], "a", ["185.220.101.1", "185.220.101.2"]), deliver(writers[1], "b", ["185.220.102.1", "185.220.102.2"]), operator]);
    assert.deepEqual(await blocked(), ["185.220.101.1/32", "185.220.101.2/32", "185.220.102.1/32", "185.220.102.2/32"]);
  });

  it("a redelivered batch changes nothing", async () => {
    const before = await blocked();
    const out = await writers[0].invoke(sqsEvent(["185.220.101.1", "185.220.101.2"], "a"));
    assert.equal(out.error, undefined, writers[0].logText());
    assert.deepEqual(await blocked(), before);
  });
});
