import { CreateQueueCommand } from "@aws-sdk/client-sqs";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { drain, reportTopic, sqs, stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

const REMOTE = "185.220.101.45";
const FIXTURE = join(__dirname, "..", "..", "components", "shared", "events", "fixtures", "guardduty-network-connection.json");

describeAgainstEndpoint("GuardDutyResponder's bundle routes findings to WafAutoBlock's queue", function () {
  let fn: LambdaFunction;
  let blockQueue: string;
  let reports: Awaited<ReturnType<typeof reportTopic>>;

  /** The fixture, in the emulator's account and Region, with a fresh finding id. */
  function finding(overrides: { accountId?: string; severity?: number; type?: string } = {}) {
    const event = JSON.parse(readFileSync(FIXTURE, "utf8"));
    const accountId = overrides.accountId ?? HOME_ACCOUNT;
    event.account = accountId;
    event.region = region;
    Object.assign(event.detail, { accountId, region, id: uniqueName("finding").replace(/-/g, ""), severity: overrides.severity ?? 8, type: overrides.type ?? "Backdoor:EC2/C&CActivity.B" });
    event.detail.arn = `arn:aws:guardduty:${region}:${accountId}:detector/123456abcd/finding/${event.detail.id}`;
    // The fixture's documentation address is reserved, which the responder rightly never blocks: a public one (data only).
    event.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = REMOTE;
    return event;
  }

  before(async () => {
    reports = await reportTopic("kamae-it-gd-reports");
    // The emulator's queue URL names no Region (http://127.0.0.1:<port>/<account>/<name>): the responder must still reach it.
    blockQueue = (await sqs().send(new CreateQueueCommand({ QueueName: uniqueName("kamae-it-waf-block") }))).QueueUrl!;
    fn = await LambdaFunction.start("guardduty-responder", {
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
      KAMAE_TOPIC_ARN: reports.topicArn,
      KAMAE_TABLE_NAME: await stateTable("kamae-it-gd-answered"),
      KAMAE_WAF_BLOCK_QUEUE_URL: blockQueue,
      KAMAE_BLOCK_TTL_MINUTES: "60",
      KAMAE_ROUTES: JSON.stringify([
        { name: "notify-guardduty", actions: ["notify"] },
        { name: "instance-compromise", typePrefixes: ["Backdoor:EC2/"], minSeverity: 7, actions: ["block"] },
      ]),
      KAMAE_ACTION_MODES: JSON.stringify({ block: "enforce" }),
    });
  });
  after(() => fn?.stop());

  it("a high-severity backdoor finding puts one block request for the remote address on the queue, and notifies", async () => {
    const event = finding();
    const out = await fn.invoke(event);
    assert.equal(out.error, undefined, fn.logText());
    const requests = (await drain(blockQueue)).map((b) => JSON.parse(b));
    assert.equal(requests.length, 1, fn.logText());
    assert.equal(requests[0].kind, "kamae.block");
    assert.deepEqual(requests[0].addresses, [REMOTE]);
    assert.equal(requests[0].ttlMinutes, 60);
    assert.match(requests[0].requestId, new RegExp(event.detail.id));
    const published = await reports.read();
    assert.ok(published.length >= 1, "the finding was reported to the topic");
  });

  it("a finding below the route's severity is only notified: nothing reaches the queue", async () => {
    const out = await fn.invoke(finding({ severity: 5 }));
    assert.equal(out.error, undefined, fn.logText());
    assert.deepEqual(await drain(blockQueue), []);
    assert.ok((await reports.read()).length >= 1);
  });

  it("a replayed finding publishes no second report and queues no second block; an update of it is reported (issue 18, point 11)", async () => {
    const event = finding();
    assert.equal((await fn.invoke(event)).error, undefined, fn.logText());
    assert.equal((await drain(blockQueue)).length, 1);
    assert.ok((await reports.read()).length >= 1);
    const replay = await fn.invoke(event);
    assert.equal(replay.error, undefined, fn.logText());
    assert.deepEqual(await drain(blockQueue), [], "the replay asks WafAutoBlock nothing");
    assert.deepEqual(await reports.read(), [], "the replay publishes nothing");
    event.detail.updatedAt = new Date(Date.parse(event.detail.updatedAt) + 3600_000).toISOString();
    assert.equal((await fn.invoke(event)).error, undefined, fn.logText());
    assert.equal((await reports.read()).length, 1, "an update of the finding is news");
    assert.equal((await drain(blockQueue)).length, 1, "and blocks again (WafAutoBlock's request ids keep its counts honest)");
  });

  it("a finding from an account the responder is not enrolled in blocks nothing", async () => {
    await fn.invoke(finding({ accountId: "999999999999" }));
    assert.deepEqual(await drain(blockQueue), []);
  });
});
