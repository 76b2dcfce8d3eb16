import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { reportTopic, stateTable } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

const RECORDS = join(__dirname, "..", "..", "components", "api-activity-alerts", "fixtures", "records.json");
// Write calls alert, except the deployment pipeline's (the component's README example).
const RULES = [{ name: "changes", readOnly: false }, { name: "pipeline", effect: "exclude", identityArns: ["arn:aws:sts::*:assumed-role/deploy-pipeline/*"] }];

describeAgainstEndpoint("ApiActivityAlerts' filter bundle reads a CloudTrail file from S3 and sends only the calls to review", function () {
  const s3 = new S3Client({ region, forcePathStyle: true });
  const bucket = uniqueName("kamae-it-trail");
  const key = `AWSLogs/${HOME_ACCOUNT}/CloudTrail/${region}/2026/11/20/${HOME_ACCOUNT}_CloudTrail_${region}_20261120T1330Z_abcdefgh01234567.json.gz`;
  let fn: LambdaFunction;
  let reports: Awaited<ReturnType<typeof reportTopic>>;

  const notification = (k: string, eventName = "ObjectCreated:Put") => ({
    Records: [{ eventVersion: "2.1", eventSource: "aws:s3", awsRegion: region, eventTime: new Date().toISOString(), eventName, s3: { s3SchemaVersion: "1.0", bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: encodeURIComponent(k).replace(/%2F/g, "/"), size: 1 } } }],
  });

  before(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: gzipSync(readFileSync(RECORDS)) }));
    reports = await reportTopic("kamae-it-activity");
    fn = await LambdaFunction.start("api-activity-filter", { KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT, KAMAE_TOPIC_ARN: reports.topicArn, KAMAE_ACTIVITY_RULES: JSON.stringify(RULES), KAMAE_TABLE_NAME: await stateTable("kamae-it-activity-answered") });
  });
  after(() => fn?.stop());

  it("publishes the write calls of the file, without the read-only ones and the pipeline's; a redelivery is quiet", async () => {
    const out = await fn.invoke(notification(key));
    assert.equal(out.error, undefined, fn.logText());
    const messages = await reports.read();
    assert.equal(messages.length, 1, fn.logText());
    // The message is a readable summary for humans, then the machine-readable JSON on its own line.
    const text = String(messages[0].body);
    const payload = JSON.parse(text.slice(text.indexOf('\n{"kind"') + 1)) as { calls: Array<{ record: { eventName: string; readOnly?: boolean } }> };
    const calls = payload.calls.map((c) => c.record);
    assert.deepEqual(calls.map((c) => c.eventName), ["CreateAccessKey", "AuthorizeSecurityGroupIngress", "PutBucketPolicy", "TerminateInstances"]);
    assert.ok(calls.every((c) => c.readOnly !== true));

    // S3 delivers the notification again (at least once): the file was answered, its alerts are not sent twice.
    const replay = await fn.invoke(notification(key));
    assert.equal(replay.error, undefined, fn.logText());
    assert.deepEqual((replay.result as { replays: string[] }).replays, [key]);
    assert.deepEqual(await reports.read(), [], "a redelivered notification sends nothing");
  });

  it("a digest file and a deleted object are skipped without reading S3 or publishing", async () => {
    const digest = key.replace("/CloudTrail/", "/CloudTrail-Digest/").replace(".json.gz", "-Digest.json.gz");
    assert.equal((await fn.invoke(notification(digest))).error, undefined, fn.logText());
    assert.equal((await fn.invoke(notification(key, "ObjectRemoved:Delete"))).error, undefined, fn.logText());
    assert.deepEqual(await reports.read(), []);
  });
});
