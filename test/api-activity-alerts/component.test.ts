import { strict as assert } from "node:assert";
import { type ActivityRule, ApiActivityAlerts } from "../../components/api-activity-alerts";
import { settingsFromEnv } from "../../components/api-activity-alerts/lambda/settings";
import { grantsWildcardAction, parsePolicyDocument } from "../../components/shared/iam/policy";
import { ACCOUNT_ID, iamDocuments, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";

const RULES: ActivityRule[] = [
  { name: "off-hours-changes", readOnly: false, timeWindows: [{ timeZone: "Asia/Tokyo", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], start: "09:00", end: "18:00" }], timeWindowsMatch: "outside" },
  { name: "unexpected-source", sourceIpNotIn: ["203.0.113.0/24"], readOnly: false },
];

describe("ApiActivityAlerts component", () => {
  beforeEach(() => useOfflineMocks());

  it("creates a multi-region, KMS-encrypted, validated trail into a bucket that passes the pack", async () => {
    const alerts = new ApiActivityAlerts("audit", { rules: RULES, trailName: "kamae-audit" });
    await settle();
    const [trail] = resourcesOfType("aws:cloudtrail/trail:Trail");
    assert.equal(trail.inputs.isMultiRegionTrail, true);
    assert.equal(trail.inputs.enableLogFileValidation, true);
    assert.equal(trail.inputs.includeGlobalServiceEvents, true);
    assert.match(trail.inputs.kmsKeyId, /^arn:aws:kms:/);
    assert.match(trail.inputs.cloudWatchLogsGroupArn, /:log-group:.*:\*$/);
    assert.equal(trail.inputs.eventSelectors, undefined, "S3 data events are opt-in");
    const trailBucket = resourcesOfType("aws:s3/bucket:Bucket").find((b) => b.name === "audit-trail")!;
    assert.equal(trail.inputs.s3BucketName, trailBucket.id);
    const of = (type: string) => resourcesOfType(type).find((r) => r.inputs.bucket === trailBucket.id)!;
    assert.equal(of("aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration.status, "Enabled");
    assert.equal(of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
    const pab = of("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
    assert.deepEqual([pab.blockPublicAcls, pab.ignorePublicAcls, pab.blockPublicPolicy, pab.restrictPublicBuckets], [true, true, true, true]);
    assert.ok(of("aws:s3/bucketLogging:BucketLogging").inputs.targetBucket);
    const policy = JSON.parse(of("aws:s3/bucketPolicy:BucketPolicy").inputs.policy);
    const sids = Object.fromEntries(policy.Statement.map((s: any) => [s.Sid, s]));
    assert.deepEqual(sids.DenyInsecureTransport.Condition, { Bool: { "aws:SecureTransport": "false" } });
    const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT_ID}:trail/kamae-audit`;
    assert.equal(sids.CloudTrailWritesLogs.Condition.StringEquals["aws:SourceArn"], trailArn);
    assert.equal(sids.CloudTrailChecksAcl.Condition.StringEquals["aws:SourceArn"], trailArn);
    assert.match(sids.CloudTrailWritesLogs.Resource, new RegExp(`/AWSLogs/${ACCOUNT_ID}/\\*$`));
    const notification = resourcesOfType("aws:s3/bucketNotification:BucketNotification")[0];
    assert.equal(notification.inputs.lambdaFunctions[0].filterSuffix, ".json.gz");
    assert.equal(await valueOf(alerts.trailArn), resourcesOfType("aws:cloudtrail/trail:Trail")[0].state.arn);
  });

  it("passes the rules to the function, where the cold-start validation accepts them", async () => {
    new ApiActivityAlerts("audit", { rules: RULES, excludeAwsServiceCalls: false, maxMessageBytes: 100_000 });
    await settle();
    const fn = resourcesOfType("aws:lambda/function:Function")[0];
    const env = fn.inputs.environment.variables;
    assert.deepEqual(JSON.parse(env.KAMAE_ACTIVITY_RULES).map((r: any) => r.name), ["off-hours-changes", "unexpected-source"]);
    assert.equal(env.KAMAE_EXCLUDE_AWS_SERVICE_CALLS, "false");
    assert.equal(env.KAMAE_HOME_ACCOUNT_ID, ACCOUNT_ID);
    const settings = settingsFromEnv(env);
    assert.equal(settings.maxMessageBytes, 100_000);
    // The record of answered log files (replays stay quiet): encrypted with the component's key, PITR, expiring items.
    const [table] = resourcesOfType("aws:dynamodb/table:Table");
    assert.equal(settings.tableName, table.state.name);
    assert.deepEqual([table.inputs.serverSideEncryption.enabled, table.inputs.pointInTimeRecovery.enabled, table.inputs.ttl], [true, true, { attributeName: "expiresAt", enabled: true }]);
    assert.equal(settings.rules.excludeAwsServiceCalls, false);
  });

  it("grants least privilege: log files only, its topic, no wildcard actions", async () => {
    new ApiActivityAlerts("audit", { rules: RULES });
    await settle();
    for (const d of iamDocuments().filter((x) => x.resource.endsWith("-permissions"))) assert.equal(grantsWildcardAction(parsePolicyDocument(JSON.stringify(d.document))), false, d.resource);
    const doc = parsePolicyDocument(JSON.stringify(iamDocuments().find((d) => d.resource === "audit-filter-permissions")!.document));
    assert.equal(grantsWildcardAction(doc), false);
    const read = doc.Statement.find((s) => s.Sid === "ReadTrailFiles")!;
    assert.deepEqual(read.Action, ["s3:GetObject"]);
    assert.match(read.Resource[0], /^arn:aws:s3:::.+\/\*\/CloudTrail\/\*$/);
    assert.ok(doc.Statement.every((s) => !s.Resource.includes("*") || s.Sid === undefined));
  });

  it("reads an existing trail bucket through EventBridge, and may decrypt its key", async () => {
    new ApiActivityAlerts("audit", { rules: RULES, existingTrailBucketArn: "arn:aws:s3:::org-trail-logs", existingTrailKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1111", enableBucketEventBridge: true });
    await settle();
    assert.equal(resourcesOfType("aws:cloudtrail/trail:Trail").length, 0);
    assert.equal(resourcesOfType("aws:s3/bucket:Bucket").length, 0);
    const [rule] = resourcesOfType("aws:cloudwatch/eventRule:EventRule");
    const pattern = JSON.parse(rule.inputs.eventPattern);
    assert.deepEqual(pattern.detail.bucket.name, ["org-trail-logs"]);
    assert.deepEqual(pattern["detail-type"], ["Object Created"]);
    assert.equal(resourcesOfType("aws:s3/bucketNotification:BucketNotification")[0].inputs.eventbridge, true);
    const doc = iamDocuments().find((d) => d.resource === "audit-filter-permissions")!.document;
    assert.ok(doc.Statement.some((s: any) => s.Sid === "DecryptTrailFiles" && s.Resource.includes("arn:aws:kms:us-east-1:123456789012:key/1111")));
    const [permission] = resourcesOfType("aws:lambda/permission:Permission");
    assert.equal(permission.inputs.principal, "events.amazonaws.com");
  });

  it("fails at construction on bad rules and contradictory arguments", () => {
    assert.throws(() => new ApiActivityAlerts("a", { rules: [{ name: "x", sourceIpIn: ["300.1.1.1/8"] }] }), /kamae:ApiActivityAlerts: rules\[0\]\.sourceIpIn/);
    assert.throws(() => new ApiActivityAlerts("b", { rules: [{ name: "x", timeWindows: [{ timeZone: "Asia/Tokio", start: "09:00", end: "18:00" }] }] }), /not an IANA time zone/);
    assert.throws(() => new ApiActivityAlerts("c", { rules: RULES, existingTrailKmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/x" }), /apply only to an existing trail bucket/);
    assert.throws(() => new ApiActivityAlerts("d", { rules: RULES, existingTrailBucketName: "trail-bucket", trailName: "t" }), /apply only to a created trail/);
    assert.throws(() => new ApiActivityAlerts("e", { rules: RULES, maxMessageBytes: 300_000 }), /maxMessageBytes/);
    assert.throws(() => new ApiActivityAlerts("g", { rules: RULES, existingTrailBucketArn: "arn:aws:s3:::Bad_Bucket/key" }), /not an S3 bucket ARN/);
    const many = Array.from({ length: 60 }, (_, i) => ({ name: `rule-${i}`, eventNames: [`SomeVeryLongEventNamePattern${i}*`] }));
    assert.throws(() => new ApiActivityAlerts("f", { rules: many }), /Lambda's environment/);
  });
});
