import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import type { Context } from "aws-lambda";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipText } from "../../components/api-activity-alerts/fixtures/generate-log";
import { handleLogFileEvent } from "../../components/api-activity-alerts/lambda/activity-filter";
import { settingsFromEnv } from "../../components/api-activity-alerts/lambda/settings";
import { FakeS3, FakeSns } from "../api-activity-alerts/fakes";
import { fakeReportedEvents } from "../harness/reported-events";
import { CENTRAL, type ClientLike, FakeSts, MEMBER_A, MEMBER_ENV, sentBy, signBeforeSending, STRANGER, whereActs, withCentralCredentials } from "./central-account";

const TOPIC = `arn:aws:sns:us-east-1:${CENTRAL}:kamae-activity`;
const TRAIL_BUCKET = "org-trail-central";
const CENTRAL_KEY = "AKIACENTRALEXAMPLE02";
const RULES = JSON.stringify([{ name: "changes", readOnly: false }]);
const records = readFileSync(join(__dirname, "../../components/api-activity-alerts/fixtures/records.json"), "utf8");

/** An organization trail's log file of `account` in `region`, as CloudTrail names it in the central bucket. */
const orgKey = (account: string, region: string) => `AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/2026/11/23/${account}_CloudTrail_${region}_20261123T0605Z_Ab12Cd34Ef56Gh78.json.gz`;

/** The EventBridge "Object Created" event of a new log object; `account` is the bucket owner's (the bus it came from). */
function created(bucket: string, key: string, account = CENTRAL) {
  return {
    version: "0",
    id: "17793124-05d4-b198-2fde-7ededc63b103",
    "detail-type": "Object Created",
    source: "aws.s3",
    account,
    time: "2026-11-23T06:06:00Z",
    region: "us-east-1",
    resources: [`arn:aws:s3:::${bucket}`],
    detail: { version: "0", bucket: { name: bucket }, object: { key, size: 2048, etag: "b1946ac92492d2347c6235b4d2611184", sequencer: "0055AED6DCD90281E5" }, "request-id": "N4N7GDK58NMKJ12R", requester: "cloudtrail.amazonaws.com", reason: "PutObject" },
  };
}

/** The account a client signs as: a member's (assumed-role keys) or "central" (the function's own keys). */
async function signsAs(client: ClientLike): Promise<string> {
  const { accessKeyId } = await client.config.credentials();
  return accessKeyId === CENTRAL_KEY ? "central" : (await whereActs(client)).account;
}

// Today the function reads every trail object with the central account's own credentials, whichever account the file
// is of and whichever account's bus the notification came from: it never assumes a member role and never checks the
// file's account against the enrolled members. These tests pin that behaviour (see the report to the lead).
/** New S3, SNS and STS fakes for one test, with SDK clients that fetch credentials as they sign. */
function freshFakes(): { s3: FakeS3; sns: FakeSns; sts: FakeSts } {
  const fakes = { s3: new FakeS3(), sns: new FakeSns([TOPIC]) };
  signBeforeSending(S3Client, SNSClient);
  return { ...fakes, sts: new FakeSts() };
}

describe("Central ApiActivityAlerts with member accounts (AccountClients + STS fakes)", () => {
  let s3: FakeS3;
  let sns: FakeSns;
  let sts: FakeSts;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps = () => ({ settings: settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: "kamae-answered" }), clients: sts.clients(), region: "us-east-1", log, reported: answered.reported });

  let answered: ReturnType<typeof fakeReportedEvents>;
  withCentralCredentials(CENTRAL_KEY);
  beforeEach(() => {
    ({ s3, sns, sts } = freshFakes());
    answered = fakeReportedEvents(Date.now, () => undefined);
  });
  afterEach(() => [s3, sns, sts, answered.stub].forEach((fake) => fake.restore()));

  it("reads a member's file in the central organization-trail bucket with the central credentials; the alert names the member account and Region", async () => {
    const key = orgKey(MEMBER_A, "eu-west-1");
    s3.objects.set(`${TRAIL_BUCKET}/${key}`, gzipText(records));
    const out = await handleLogFileEvent(created(TRAIL_BUCKET, key), deps());
    assert.deepEqual(out.files.map((f) => f.selected > 0), [true]);
    assert.deepEqual(s3.reads, [`${TRAIL_BUCKET}/${key}`]);
    const s3Calls = sentBy(S3Client);
    assert.equal(s3Calls.length, 1);
    assert.equal(await signsAs(s3Calls[0].client), "central");
    assert.equal(await s3Calls[0].client.config.region(), "us-east-1", "the bucket's Region, from the notification");
    for (const { client } of sentBy(SNSClient)) assert.deepEqual([await signsAs(client), await client.config.region()], ["central", "us-east-1"]);
    assert.deepEqual(sts.assumptions, [], "no member role is needed to read the central bucket");
    const [payload] = sns.payloads();
    assert.deepEqual([payload.accountId, payload.region, payload.key], [MEMBER_A, "eu-west-1", key]);
    assert.match(sns.published[0].subject!, new RegExp(`in ${MEMBER_A} `));
  });

  it("reads a file in a member's own bucket, notified from the member's bus, with the central credentials too (no AssumeRole)", async () => {
    // What the component's engineer reported: the bucket owner (the event's account) is not used to pick credentials.
    const bucket = `trail-${MEMBER_A}`;
    const key = `AWSLogs/${MEMBER_A}/CloudTrail/us-east-1/2026/11/23/${MEMBER_A}_CloudTrail_us-east-1_20261123T0605Z_Zz12Cd34Ef56Gh78.json.gz`;
    s3.objects.set(`${bucket}/${key}`, gzipText(records));
    await handleLogFileEvent(created(bucket, key, MEMBER_A), deps());
    assert.deepEqual(await Promise.all(sentBy(S3Client).map((c) => signsAs(c.client))), ["central"]);
    assert.deepEqual(sts.assumptions, []);
    assert.equal(sns.payloads()[0].accountId, MEMBER_A);

    // Where the member's bucket policy does not grant the central account, the read is denied and the event fails
    // (to the failure queue), rather than being retried with the member's role.
    s3.deniedBuckets.add(bucket);
    const next = key.replace("Zz12Cd34Ef56Gh78", "Yy12Cd34Ef56Gh78");
    s3.objects.set(`${bucket}/${next}`, gzipText(records));
    await assert.rejects(() => handleLogFileEvent(created(bucket, next, MEMBER_A), deps()), /could not be processed: Access Denied/);
    assert.deepEqual(sts.assumptions, []);
    assert.equal(sns.published.length, 1);
  });

  it("does not refuse a file of an account that is not enrolled: it is read centrally and alerted on, naming that account", async () => {
    const key = orgKey(STRANGER, "ap-southeast-2");
    s3.objects.set(`${TRAIL_BUCKET}/${key}`, gzipText(records));
    const out = await handleLogFileEvent(created(TRAIL_BUCKET, key), deps());
    assert.equal(out.files.length, 1);
    assert.deepEqual(s3.reads, [`${TRAIL_BUCKET}/${key}`]);
    assert.deepEqual(sts.assumptions, []);
    assert.deepEqual([sns.payloads()[0].accountId, sns.payloads()[0].region], [STRANGER, "ap-southeast-2"]);
  });

  it("refuses a report topic in an account that is not enrolled before reading anything", async () => {
    const foreign = `arn:aws:sns:us-east-1:${STRANGER}:kamae-activity`;
    const key = orgKey(MEMBER_A, "eu-west-1");
    s3.objects.set(`${TRAIL_BUCKET}/${key}`, gzipText(records));
    const settings = settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: foreign, KAMAE_TABLE_NAME: "kamae-answered" });
    await assert.rejects(() => handleLogFileEvent(created(TRAIL_BUCKET, key), { ...deps(), settings }), new RegExp(`account ${STRANGER} is not enrolled`));
    assert.deepEqual(s3.reads, []);
    assert.deepEqual(sts.assumptions, []);
  });
});

describe("api-activity-filter entry point in a central deployment", () => {
  const HANDLER = "../../components/api-activity-alerts/lambda/api-activity-filter.handler";
  let s3: FakeS3;
  let sns: FakeSns;
  let sts: FakeSts;
  let handler: (event: unknown, context: Context) => Promise<any>;

  withCentralCredentials(CENTRAL_KEY, { KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: "kamae-answered", ...MEMBER_ENV, POWERTOOLS_LOG_LEVEL: "SILENT" });
  before(() => {
    delete require.cache[require.resolve(HANDLER)];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = require(HANDLER).handler;
  });
  after(() => {
    delete require.cache[require.resolve(HANDLER)];
  });
  let table: ReturnType<typeof mockClient>;
  beforeEach(() => {
    ({ s3, sns, sts } = freshFakes());
    // The central table of answered log files.
    table = mockClient(DynamoDBDocumentClient);
    table.on(GetCommand).resolves({});
    table.on(PutCommand).resolves({});
  });
  afterEach(() => [s3, sns, sts, table].forEach((fake) => fake.restore()));

  it("filters a member's organization-trail file with the central credentials and alerts naming the member", async () => {
    const key = orgKey(MEMBER_A, "eu-west-1");
    s3.objects.set(`${TRAIL_BUCKET}/${key}`, gzipText(records));
    const out = await handler(created(TRAIL_BUCKET, key), { functionName: "kamae-api-activity-filter", awsRequestId: "r-1" } as Context);
    assert.equal(out.files.length, 1);
    assert.equal(await signsAs(sentBy(S3Client)[0].client), "central");
    assert.deepEqual(sts.assumptions, []);
    assert.equal(sns.payloads()[0].accountId, MEMBER_A);
    assert.equal(table.commandCalls(PutCommand)[0].args[0].input.TableName, "kamae-answered", "answered, in the central account's table");
  });
});
