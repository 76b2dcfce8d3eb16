import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipText } from "../../components/api-activity-alerts/fixtures/generate-log";
import { handleLogFileEvent } from "../../components/api-activity-alerts/lambda/activity-filter";
import { settingsFromEnv } from "../../components/api-activity-alerts/lambda/settings";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { awsError } from "../harness/aws";
import { fakeReportedEvents } from "../harness/reported-events";
import { FakeS3, FakeSns } from "./fakes";

const TOPIC = "arn:aws:sns:ap-northeast-1:111111111111:kamae-activity";
const KEY = "my logs/AWSLogs/111111111111/CloudTrail/ap-northeast-1/2026/11/20/111111111111_CloudTrail_ap-northeast-1_20261120T1330Z_abcdefgh01234567.json.gz";
const fixtureText = readFileSync(join(__dirname, "../../components/api-activity-alerts/fixtures/records.json"), "utf8");
const RULES = JSON.stringify([{ name: "changes", readOnly: false }, { name: "pipeline", effect: "exclude", identityArns: ["arn:aws:sts::*:assumed-role/deploy-pipeline/*"] }]);
const TABLE = "kamae-activity-answered";

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
  let table: ReturnType<typeof fakeReportedEvents>;
  const tableFaults = new Map<string, Error>();
  const logged: string[] = [];
  const log = { info: (m: string) => void logged.push(`info ${m}`), warn: (m: string) => void logged.push(`warn ${m}`), error: (m: string) => void logged.push(`error ${m}`) };
  const settings = () => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: TABLE });
  const deps = () => ({ settings: settings(), clients: new AccountClients({ homeAccountId: "111111111111", memberAccountIds: [], sessionName: "t" }), region: "ap-northeast-1", log, reported: table.reportedIn(TABLE) });

  beforeEach(() => {
    s3 = new FakeS3();
    sns = new FakeSns([TOPIC]);
    logged.length = 0;
    tableFaults.clear();
    table = fakeReportedEvents(Date.now, (call) => {
      const fault = tableFaults.get(call);
      tableFaults.delete(call);
      if (fault) throw fault;
    });
  });
  afterEach(() => {
    s3.restore();
    sns.restore();
    table.stub.restore();
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
    const third = KEY.replace("abcdefgh01234567", "yyyyyyyy01234567");
    s3.objects.set(`trail-bucket/${third}`, gzipText(fixtureText));
    const event = { Records: [...s3Event("locked-bucket", [KEY]).Records, ...s3Event("trail-bucket", [third]).Records] };
    await assert.rejects(handleLogFileEvent(event, deps()), /1 CloudTrail file\(s\) could not be processed: Access Denied/);
    assert.equal(sns.published.length, 2, "the readable file was still handled");
  });

  it("fails when the topic does not exist rather than losing the calls", async () => {
    s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
    const wrong = { ...deps(), settings: settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC.replace("kamae-activity", "gone"), KAMAE_TABLE_NAME: TABLE }) };
    await assert.rejects(handleLogFileEvent(s3Event("trail-bucket", [KEY]), wrong), /Topic does not exist/);
  });

  it("validates its settings at cold start, naming the variable", () => {
    assert.throws(() => settingsFromEnv({ KAMAE_TOPIC_ARN: TOPIC }), /KAMAE_ACTIVITY_RULES is required/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: "[oops", KAMAE_TOPIC_ARN: TOPIC }), /KAMAE_ACTIVITY_RULES must be JSON/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: '[{"name":"x","sourceIpIn":["nope"]}]', KAMAE_TOPIC_ARN: TOPIC }), /KAMAE_ACTIVITY_RULES: rules\[0\]\.sourceIpIn/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES }), /KAMAE_TOPIC_ARN is required/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_MAX_MESSAGE_BYTES: "999999" }), /KAMAE_MAX_MESSAGE_BYTES/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_EXCLUDE_AWS_SERVICE_CALLS: "maybe" }), /KAMAE_EXCLUDE_AWS_SERVICE_CALLS/);
    assert.throws(() => settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC }), /KAMAE_TABLE_NAME is required/);
    assert.equal(settingsFromEnv({ KAMAE_ACTIVITY_RULES: RULES, KAMAE_TOPIC_ARN: TOPIC, KAMAE_TABLE_NAME: TABLE, KAMAE_EXCLUDE_AWS_SERVICE_CALLS: "false" }).rules.excludeAwsServiceCalls, false);
  });

  describe("a replay is quiet (issue 18, point 11)", () => {
    const withEtag = (event: ReturnType<typeof s3Event>, eTag: string) => (event.Records.forEach((r) => Object.assign(r.s3.object, { eTag })), event);
    const eventBridge = (eTag: string) => ({
      version: "0", id: "27793124-05d4-b198-2fde-7ededc63b103", "detail-type": "Object Created", source: "aws.s3", account: "111111111111",
      time: "2026-11-20T13:35:00Z", region: "ap-northeast-1", resources: ["arn:aws:s3:::trail-bucket"],
      detail: { version: "0", bucket: { name: "trail-bucket" }, object: { key: KEY, size: 1234, etag: eTag, sequencer: "0055AED6DCD90281E5" }, reason: "PutObject" },
    });

    it("the same file redelivered (S3 notification again, or the EventBridge route) is not read again and sends nothing", async () => {
      s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
      const first = await handleLogFileEvent(withEtag(s3Event("trail-bucket", [KEY]), "b1946ac92492d2347c6235b4d2611184"), deps());
      assert.equal(first.files.length, 1);
      for (const again of [withEtag(s3Event("trail-bucket", [KEY]), "b1946ac92492d2347c6235b4d2611184"), eventBridge("b1946ac92492d2347c6235b4d2611184")]) {
        const out = await handleLogFileEvent(again, deps());
        assert.deepEqual([out.files.length, out.replays], [0, [KEY]]);
      }
      assert.deepEqual(s3.reads, [`trail-bucket/${KEY}`], "read once");
      assert.equal(sns.published.length, 1, "its alerts went out once");
      assert.equal(logged.filter((l) => l === "info event already answered; replay ignored").length, 2);
    });

    it("another version of the key is a new file: read and sent", async () => {
      s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
      await handleLogFileEvent(eventBridge("b1946ac92492d2347c6235b4d2611184"), deps());
      const rewritten = await handleLogFileEvent(eventBridge("c0ffee00000000000000000000000000"), deps());
      assert.deepEqual([rewritten.files.length, rewritten.replays], [1, []]);
      assert.equal(sns.published.length, 2);
    });

    it("a file whose earlier run failed is read and sent on the retry, then quiet", async () => {
      s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
      s3.deniedBuckets.add("trail-bucket");
      await assert.rejects(handleLogFileEvent(s3Event("trail-bucket", [KEY]), deps()), /could not be processed/);
      s3.deniedBuckets.clear();
      assert.equal((await handleLogFileEvent(s3Event("trail-bucket", [KEY]), deps())).files.length, 1);
      assert.equal((await handleLogFileEvent(s3Event("trail-bucket", [KEY]), deps())).replays.length, 1);
      assert.equal(sns.published.length, 1);
    });

    it("without a readable record the file is sent again (a second alert beats a missed one), with a warning; a record not written is an error", async () => {
      s3.objects.set(`trail-bucket/${KEY}`, gzipText(fixtureText));
      tableFaults.set("dynamodb:PutItem", awsError("ProvisionedThroughputExceededException", "throughput exceeded"));
      await handleLogFileEvent(s3Event("trail-bucket", [KEY]), deps());
      assert.ok(logged.some((l) => l.startsWith("error could not record the answered event")));
      tableFaults.set("dynamodb:GetItem", awsError("AccessDeniedException", "not authorized"));
      await handleLogFileEvent(s3Event("trail-bucket", [KEY]), deps());
      assert.ok(logged.some((l) => l.startsWith("warn could not read the record of answered events")));
      assert.equal(sns.published.length, 2);
      assert.equal((await handleLogFileEvent(s3Event("trail-bucket", [KEY]), deps())).replays.length, 1, "recorded by the second run");
    });
  });
});
