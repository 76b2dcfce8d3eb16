import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipText } from "../../components/api-activity-alerts/fixtures/generate-log";
import { handleLogFileEvent, settingsFromEnv } from "../../components/api-activity-alerts/lambda/activity-filter";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { FakeS3, FakeSns } from "./fakes";

const TOPIC = "arn:aws:sns:ap-northeast-1:111111111111:kamae-activity";
const KEY = "my logs/AWSLogs/111111111111/CloudTrail/ap-northeast-1/2026/11/20/111111111111_CloudTrail_ap-northeast-1_20261120T1330Z_abcdefgh01234567.json.gz";
const fixtureText = readFileSync(join(__dirname, "../../components/api-activity-alerts/fixtures/records.json"), "utf8");
const RULES = JSON.stringify([{ name: "changes", readOnly: false }, { name: "pipeline", effect: "exclude", identityArns: ["arn:aws:sts::*:assumed-role/deploy-pipeline/*"] }]);

function s3Event(bucket: string, keys: string[], eventName = "ObjectCreated:Put") {
  return {
    Records: keys.map((key) => ({
      eventVersion: "2.1",
      eventSource: "aws:s3",
      awsRegion: "ap-northeast-1",
      eventTime: "2026-11-20T13:35:00.000Z",
      eventName,
      s3: { s3SchemaVersion: "1.0", bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: encodeURIComponent(key).replace(/%2F/g, "/").replace(/%20/g, "+"), size: 1234, sequencer: "0055AED6DCD90281E5" } },
    })),
  };
}

describe("ApiActivityAlerts function", () => {
  let s3: FakeS3;
  let sns: FakeSns;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const settings = () => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC });
  const deps = () => ({ settings: settings(), clients: new AccountClients({ homeAccountId: "111111111111", memberAccountIds: [], sessionName: "t" }), region: "ap-northeast-1", log });

  beforeEach(() => {
    s3 = new FakeS3();
    sns = new FakeSns([TOPIC]);
  });
  afterEach(() => {
    s3.restore();
    sns.restore();
  });

  it("reads the URL-decoded key of a new log file and publishes the selected calls", async () => {
    s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
    const out = await handleLogFileEvent(s3Event("trail-bucket", [KEY]), deps());
    assert.deepEqual(s3.reads, [`trail-bucket/${KEY}`]);
    assert.equal(out.files.length, 1);
    assert.equal(sns.published.length, 1);
    assert.equal(sns.published[0].topicArn, TOPIC);
    assert.deepEqual(sns.payloads()[0].calls.map((c: any) => c.record.eventID.slice(-2)), ["01", "02", "03", "06"]);
    assert.equal(sns.payloads()[0].accountId, "111111111111");
  });

  it("skips digest and insight files and deletions without reading them", async () => {
    const digest = KEY.replace("/CloudTrail/", "/CloudTrail-Digest/");
    const insight = KEY.replace("/CloudTrail/", "/CloudTrail-Insight/");
    const out = await handleLogFileEvent(s3Event("trail-bucket", [digest, insight]), deps());
    const deleted = await handleLogFileEvent(s3Event("trail-bucket", [KEY], "ObjectRemoved:Delete"), deps());
    assert.deepEqual(s3.reads, []);
    assert.deepEqual(out.skipped, [digest, insight]);
    assert.deepEqual(deleted.skipped, [KEY]);
    assert.equal(sns.published.length, 0);
  });

  it("accepts EventBridge Object Created events (an existing trail bucket)", async () => {
    s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
    const event = {
      version: "0", id: "17793124-05d4-b198-2fde-7ededc63b103", "detail-type": "Object Created", source: "aws.s3", account: "111111111111",
      time: "2026-11-20T13:35:00Z", region: "ap-northeast-1", resources: ["arn:aws:s3:::trail-bucket"],
      detail: { version: "0", bucket: { name: "trail-bucket" }, object: { key: KEY, size: 1234, etag: "b1946ac92492d2347c6235b4d2611184", sequencer: "0055AED6DCD90281E5" }, "request-id": "N4N7GDK58NMKJ12R", requester: "cloudtrail.amazonaws.com", reason: "PutObject" },
    };
    await handleLogFileEvent(event, deps());
    assert.deepEqual(s3.reads, [`trail-bucket/${KEY}`]);
    assert.equal(sns.published.length, 1);
  });

  it("rejects an event that is not an S3 event without acting", async () => {
    const out = await handleLogFileEvent({ hello: "world" }, deps());
    assert.equal(out.rejectedEvents.length, 1);
    assert.deepEqual(s3.reads, []);
  });

  it("skips a file that no longer exists, and fails (for the failure queue) only after handling the other files", async () => {
    const other = KEY.replace("abcdefgh01234567", "zzzzzzzz01234567");
    s3.objects.set(`trail-bucket/${other}`, gzipText(fixtureText));
    const gone = await handleLogFileEvent(s3Event("trail-bucket", [KEY, other]), deps());
    assert.deepEqual(gone.skipped, [KEY]);
    assert.equal(sns.published.length, 1);

    s3.deniedBuckets.add("locked-bucket");
    const event = { Records: [...s3Event("locked-bucket", [KEY]).Records, ...s3Event("trail-bucket", [other]).Records] };
    await assert.rejects(handleLogFileEvent(event, deps()), /1 CloudTrail file\(s\) could not be processed: Access Denied/);
    assert.equal(sns.published.length, 2, "the readable file was still handled");
  });

  it("fails when the topic does not exist rather than losing the calls", async () => {
    s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
    const wrong = { ...deps(), settings: settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC.replace("kamae-activity", "gone") }) };
    await assert.rejects(handleLogFileEvent(s3Event("trail-bucket", [KEY]), wrong), /Topic does not exist/);
  });

  it("validates its settings at cold start, naming the variable", () => {
    assert.throws(() => settingsFromEnv({ KAMAE_TOPIC_ARN: TOPIC }), /KAMAE_ACTIVITY_RULES is required/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: "[oops", KAMAE_TOPIC_ARN: TOPIC }), /KAMAE_ACTIVITY_RULES must be JSON/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: '[{"name":"x","sourceIpIn":["nope"]}]', KAMAE_TOPIC_ARN: TOPIC }), /KAMAE_ACTIVITY_RULES: rules\[0\]\.sourceIpIn/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES }), /KAMAE_TOPIC_ARN is required/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_MAX_MESSAGE_BYTES: "999999" }), /KAMAE_MAX_MESSAGE_BYTES/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_EXCLUDE_AWS_SERVICE_CALLS: "maybe" }), /KAMAE_EXCLUDE_AWS_SERVICE_CALLS/);
    assert.equal(settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_EXCLUDE_AWS_SERVICE_CALLS: "false" }).rules.excludeAwsServiceCalls, false);
  });
});
