import { GetObjectTaggingCommand, ListObjectVersionsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { malwareScanResult, reportTopic, stateTable, versionedBuckets } from "./aws-side";
import { describeAgainstEndpoint, HOME_ACCOUNT, region, uniqueName } from "./endpoint";
import { LambdaFunction } from "./functions";

// Issue 18, end to end on the built bundles: sample findings are drills (point 3), no promotion loop (point 9).

describeAgainstEndpoint("InstanceIsolation's bundle dismisses GuardDuty sample findings", function () {
  let fn: LambdaFunction;
  let reports: Awaited<ReturnType<typeof reportTopic>>;

  before(async () => {
    reports = await reportTopic("kamae-it-isolation-reports");
    fn = await LambdaFunction.start("isolate-instance", {
      KAMAE_MODE: "enforce",
      KAMAE_TABLE_NAME: uniqueName("kamae-it-isolation"),
      KAMAE_REPORT_TOPIC_ARN: reports.topicArn,
      KAMAE_ISOLATION_PROFILE_NAME: "kamae-isolation",
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
    });
  });
  after(() => fn?.stop());

  it("a sample finding is dismissed with a reason, before any AWS call, and nothing is published", async () => {
    const event = JSON.parse(readFileSync(join(__dirname, "../../components/instance-isolation/fixtures/guardduty-backdoor-cc.json"), "utf8"));
    event.account = HOME_ACCOUNT;
    event.region = region;
    Object.assign(event.detail, { accountId: HOME_ACCOUNT, region });
    event.detail.service.additionalInfo = { value: JSON.stringify({ sample: true }), type: "default" };
    const out = await fn.invoke(event);
    assert.equal(out.error, undefined, fn.logText());
    const result = out.result as { responses: unknown[]; dismissed: Array<{ reason: string }> };
    assert.deepEqual(result.responses, []);
    assert.match(result.dismissed[0].reason, /sample finding/);
    assert.deepEqual(await reports.read(), []);
  });
});

describeAgainstEndpoint("MalwareQuarantine's bundle never promotes out of the clean bucket", function () {
  const s3 = new S3Client({ region, forcePathStyle: true });
  const quarantine = uniqueName("kamae-it-q");
  const clean = uniqueName("kamae-it-clean");
  let fn: LambdaFunction;
  let reports: Awaited<ReturnType<typeof reportTopic>>;

  before(async () => {
    await versionedBuckets(s3, quarantine, clean);
    reports = await reportTopic("kamae-it-mq-clean-reports");
    fn = await LambdaFunction.start("malware-quarantine", {
      KAMAE_MODE: "enforce",
      KAMAE_QUARANTINE_BUCKET: quarantine,
      KAMAE_CLEAN_BUCKET: clean,
      KAMAE_PROMOTION: "move",
      KAMAE_REPORT_TOPIC_ARN: reports.topicArn,
      KAMAE_TABLE_NAME: await stateTable("kamae-it-mq-clean-answered"),
      KAMAE_HOME_ACCOUNT_ID: HOME_ACCOUNT,
    });
  });
  after(() => fn?.stop());

  it("a clean result for an object in the clean bucket only tags it; a replay changes nothing and is quiet", async () => {
    const key = "uploads/report.pdf";
    const versionId = (await s3.send(new PutObjectCommand({ Bucket: clean, Key: key, Body: "clean" }))).VersionId!;
    const event = malwareScanResult({ id: "7b0c2a3e-0000-4000-8000-000000000009", bucket: clean, key, versionId, malicious: false });
    for (let i = 0; i < 2; i++) assert.equal((await fn.invoke(event)).error, undefined, fn.logText());
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: clean }));
    assert.deepEqual((versions.Versions ?? []).map((v) => [v.Key, v.VersionId]), [[key, versionId]], "no nested copy, the original kept");
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: clean, Key: key, VersionId: versionId }));
    assert.ok((tags.TagSet ?? []).some((t) => t.Key === "kamae:scan" && t.Value?.startsWith("clean")));
    assert.deepEqual((await reports.read()).map((r) => (r.body as { outcome: string }).outcome), ["record-scan"]);
  });
});
