import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ApiActivityAlerts } from "../../components/api-activity-alerts";
import { gzipText } from "../../components/api-activity-alerts/fixtures/generate-log";
import { handleLogFileEvent } from "../../components/api-activity-alerts/lambda/activity-filter";
import { settingsFromEnv } from "../../components/api-activity-alerts/lambda/settings";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { fakeReportedEvents } from "../harness/reported-events";
import { builtFunction, checkCommands, commandsOf } from "../harness/least-privilege";
import { ACCOUNT_ID, REGION, settle, useOfflineMocks } from "../harness/pulumi";
import { FakeS3, FakeSns } from "./fakes";

const BUCKET = "org-trail-logs";
const KEY = `AWSLogs/${ACCOUNT_ID}/CloudTrail/${REGION}/2026/11/20/${ACCOUNT_ID}_CloudTrail_${REGION}_20261120T1330Z_abcdefgh01234567.json.gz`;

/** Every AWS call ApiActivityAlerts makes is granted by the policy its component builds, and nothing more. */
describe("ApiActivityAlerts: every AWS call is granted, and nothing more", () => {
  let s3: FakeS3 | undefined;
  let sns: FakeSns | undefined;
  afterEach(() => {
    s3?.restore();
    sns?.restore();
  });

  it("a new log file of an existing trail bucket, read and its calls notified", async () => {
    await useOfflineMocks();
    new ApiActivityAlerts("activity", { rules: [{ name: "changes", readOnly: false }], existingTrailBucketName: BUCKET, existingTrailKmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/trail` });
    await settle();
    const { env, policy } = builtFunction("activity-filter");
    const settings = settingsFromEnv(env);
    s3 = new FakeS3();
    sns = new FakeSns([settings.topicArn]);
    s3.objects.set(`${BUCKET}/${KEY}`, gzipText(readFileSync(join(__dirname, "../../components/api-activity-alerts/fixtures/records.json"), "utf8")));
    const event = { version: "0", id: "17793124-05d4-b198-2fde-7ededc63b103", time: "2026-11-20T13:35:00Z", "detail-type": "Object Created", source: "aws.s3", account: ACCOUNT_ID, region: REGION, detail: { bucket: { name: BUCKET }, object: { key: KEY } } };
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const table = fakeReportedEvents(Date.now, () => undefined);
    const deps = { settings, clients: new AccountClients({ homeAccountId: ACCOUNT_ID, memberAccountIds: [], sessionName: "t" }), region: REGION, log, reported: table.reportedIn(settings.tableName) };
    const out = await handleLogFileEvent(event, deps);
    // Its redelivery: looked up in the table of answered log files, nothing read or sent.
    assert.equal((await handleLogFileEvent(event, deps)).replays.length, 1);
    table.stub.restore();
    assert.equal(out.files.length, 1, JSON.stringify(out));
    assert.ok(sns.published.length > 0);
    checkCommands("api-activity-filter", policy, commandsOf([s3.mock, sns.mock, table.stub]), { accountId: ACCOUNT_ID, region: REGION, key: policy.Statement.find((s: any) => s.Sid === "UseOwnKey").Resource[0] });
  });
});
