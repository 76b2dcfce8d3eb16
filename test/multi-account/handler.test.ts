import { S3Client } from "@aws-sdk/client-s3";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import type { Context } from "aws-lambda";
import { strict as assert } from "node:assert";
import { guardDutyEvent, QUARANTINE, SOURCE, World } from "../malware-quarantine/helpers";
import { CENTRAL, EXTERNAL_ID, FakeSts, MEMBER_ENV, MEMBER_A, ROLE_NAME, sentBy, signBeforeSending, STRANGER, whereActs } from "./central-account";
import { refusePublish } from "../harness/sns";

const HANDLER = "../../components/malware-quarantine/lambda/malware-quarantine.handler";
const TOPIC = `arn:aws:sns:us-east-1:${CENTRAL}:kamae-reports`;

/** A scan result forwarded from `account` to the central bus. */
function scanFrom(account: string, world: World, key: string): unknown {
  const versionId = world.s3.put(SOURCE, key, { content: "X5O!P%@AP-EICAR" });
  const event = guardDutyEvent({ key, versionId, eTag: world.s3.current(SOURCE, key)!.etag });
  (event as { account: string }).account = account;
  return event;
}

// The entry point as deployed: settings from the environment the component sets with `memberAccounts`, its own
// AccountClients (real clock, the SDK's STS client), a central report topic.
describe("malware-quarantine entry point in a central deployment", () => {
  let sns: ReturnType<typeof mockClient>;
  let table: ReturnType<typeof mockClient>;
  let world: World;
  let sts: FakeSts;
  let handler: (event: unknown, context: Context) => Promise<unknown>;
  const saved = { ...process.env };
  const context = { functionName: "kamae-malware-quarantine", awsRequestId: "req-1" } as Context;

  before(() => {
    Object.assign(process.env, { KAMAE_QUARANTINE_BUCKET: QUARANTINE, KAMAE_REPORT_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: "kamae-answered", KAMAE_MODE: "enforce", POWERTOOLS_LOG_LEVEL: "SILENT", ...MEMBER_ENV });
    // A fresh module: its settings and clients are read once, at load, from this environment.
    delete require.cache[require.resolve(HANDLER)];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = require(HANDLER).handler;
  });
  after(() => {
    delete require.cache[require.resolve(HANDLER)];
    process.env = saved;
  });
  beforeEach(() => {
    sns = mockClient(SNSClient);
    // Publish refused as SNS refuses it (subject rules included): test/harness/sns.ts.
    sns.on(PublishCommand).callsFake((input) => (refusePublish(input, () => true), { MessageId: "m-1" }));
    world = new World();
    // The central table of answered results (after the World, whose own table mock would undo this one).
    table = mockClient(DynamoDBDocumentClient);
    table.on(GetCommand).resolves({});
    table.on(PutCommand).resolves({});
    signBeforeSending(S3Client);
    sts = new FakeSts();
    sts.clock.nowMs = Date.now(); // the entry point's AccountClients runs on the real clock
  });
  afterEach(() => {
    table.restore();
    world.restore();
    sts.restore();
    sns.restore();
  });

  const published = () => sns.commandCalls(PublishCommand).map((c) => JSON.parse(c.args[0].input.Message ?? "{}"));

  it("acts in the member account through its role and reports to the central topic, naming the account", async () => {
    assert.deepEqual(await handler(scanFrom(MEMBER_A, world, "m.exe"), context), { handled: 1, replays: 0 });
    assert.deepEqual(world.s3.versions(SOURCE, "m.exe"), []);
    assert.deepEqual(sts.assumptions.map((a) => [a.roleArn, a.externalId, a.sessionName]), [[`arn:aws:iam::${MEMBER_A}:role/${ROLE_NAME}`, EXTERNAL_ID, "kamae-central-test"]]);
    for (const c of sentBy(S3Client)) assert.equal((await whereActs(c.client)).account, MEMBER_A);
    assert.deepEqual(published().map((r) => [r.outcome, r.accountId, r.region]), [["quarantine", MEMBER_A, "us-east-1"]]);
    assert.equal(sns.commandCalls(PublishCommand)[0].args[0].input.TopicArn, TOPIC);
    assert.equal(table.commandCalls(PutCommand).length, 1, "the answer is recorded in the central account's table");
  });

  it("refuses an account it was not given, reports which, and does not fail the invocation", async () => {
    assert.deepEqual(await handler(scanFrom(STRANGER, world, "s.exe"), context), { handled: 1, replays: 0 });
    assert.equal(world.s3.versions(SOURCE, "s.exe").length, 1, "the object is untouched");
    assert.deepEqual(sentBy(S3Client), []);
    assert.deepEqual(sts.assumptions, []);
    const [report] = published();
    assert.deepEqual([report.outcome, report.accountId], ["rejected", STRANGER]);
    assert.match(report.reason, new RegExp(`account ${STRANGER} is not enrolled`));
  });
});
