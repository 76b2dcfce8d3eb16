import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secureBucket } from "../../components/shared/secure-bucket";
import { ACCOUNT_LEVEL_RULES, componentViolations, packViolations } from "../harness/policy-pack";
import { ACCOUNT_ID, resourceNamed, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";
import { denyingStatements } from "../quarantine-bucket/policy-evaluator";

const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const WRITER = "arn:aws:iam::123456789012:role/writer";

const policyOf = (bucket: string) => JSON.parse(resourceNamed(`${bucket}-policy`).state.policy);
/** Violations of the pack's S3 rules about resources (the account-level BPA rule is SecurityBaseline's job). */
const s3Violations = () => packViolations().filter((v) => v.startsWith("s3-") && !ACCOUNT_LEVEL_RULES.has(v.split(":")[0]));

describe("secureBucket", () => {
  beforeEach(() => useOfflineMocks());

  describe("with a log-target bucket of its own", () => {
    let result: ReturnType<typeof secureBucket>;
    beforeEach(async () => {
      result = secureBucket(
        "data",
        {
          kmsKeyArn: KEY_ARN,
          accessLogRetentionDays: 90,
          extraStatements: (arn) => [
            { Sid: "WriterPuts", Effect: "Allow", Principal: { AWS: WRITER }, Action: "s3:PutObject", Resource: pulumi.interpolate`${arn}/incoming/*` },
          ],
          lifecycleRules: [{ id: "expire", status: "Enabled", filter: {}, expiration: { days: 30 } }],
        },
        {},
      );
      await settle();
    });

    it("creates a data bucket with SSE-KMS and a bucket key, versioning, full BPA, owner-enforced ownership and lifecycle", async () => {
      const name = await valueOf(result.bucket.bucket);
      const sse = resourceNamed("data-encryption").state.rules[0];
      assert.deepEqual(sse.applyServerSideEncryptionByDefault, { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN });
      assert.equal(sse.bucketKeyEnabled, true);
      assert.equal(resourceNamed("data-versioning").state.versioningConfiguration.status, "Enabled");
      const bpa = resourceNamed("data-public-access").state;
      assert.deepEqual([bpa.bucket, bpa.blockPublicAcls, bpa.blockPublicPolicy, bpa.ignorePublicAcls, bpa.restrictPublicBuckets], [name, true, true, true, true]);
      assert.equal(resourceNamed("data-ownership").state.rule.objectOwnership, "BucketOwnerEnforced");
      assert.equal(resourceNamed("data-lifecycle").state.rules[0].expiration.days, 30);
    });

    it("merges the caller's statements into the one TLS-only policy", async () => {
      const arn = await valueOf(result.bucket.arn);
      const policies = resourcesOfType("aws:s3/bucketPolicy:BucketPolicy").filter((p) => p.state.bucket === resourceNamed("data").state.bucket);
      assert.equal(policies.length, 1);
      const policy = policyOf("data");
      assert.deepEqual(policy.Statement.map((s: any) => s.Sid), ["DenyInsecureTransport", "WriterPuts"]);
      assert.equal(policy.Statement[1].Resource, `${arn}/incoming/*`);
      for (const [action, resource] of [["s3:GetObject", `${arn}/incoming/a`], ["s3:PutObject", `${arn}/incoming/a`], ["s3:ListBucket", arn]]) {
        assert.deepEqual(denyingStatements(policy, { principalArn: WRITER, action, resource, secureTransport: false }), ["DenyInsecureTransport"], action);
        assert.deepEqual(denyingStatements(policy, { principalArn: WRITER, action, resource, secureTransport: true }), [], action);
      }
    });

    it("logs to an SSE-S3, versioned, private, expiring log bucket that only S3 log delivery for this bucket may write", async () => {
      const dataArn = await valueOf(result.bucket.arn);
      const logName = await valueOf(result.accessLogBucketName);
      const logs = resourceNamed("data-access-logs");
      assert.equal(logs.state.bucket, logName);
      const logging = resourceNamed("data-logging").state;
      assert.deepEqual([logging.bucket, logging.targetBucket, logging.targetPrefix], [resourceNamed("data").state.bucket, logName, `${resourceNamed("data").state.bucket}/`]);
      // S3 server access logging delivers only to SSE-S3 targets: no KMS key, no bucket key.
      assert.deepEqual(resourceNamed("data-access-logs-encryption").state.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
      assert.equal(resourceNamed("data-access-logs-versioning").state.versioningConfiguration.status, "Enabled");
      const bpa = resourceNamed("data-access-logs-public-access").state;
      assert.deepEqual([bpa.blockPublicAcls, bpa.blockPublicPolicy, bpa.ignorePublicAcls, bpa.restrictPublicBuckets], [true, true, true, true]);
      assert.equal(resourceNamed("data-access-logs-ownership").state.rule.objectOwnership, "BucketOwnerEnforced");
      assert.equal(resourceNamed("data-access-logs-lifecycle").state.rules[0].expiration.days, 90);
      const policy = policyOf("data-access-logs");
      const delivery = policy.Statement.find((s: any) => s.Sid === "S3ServerAccessLogsDelivery");
      assert.deepEqual(delivery.Principal, { Service: "logging.s3.amazonaws.com" });
      assert.equal(delivery.Action, "s3:PutObject");
      assert.equal(delivery.Resource, `${logs.state.arn}/*`);
      assert.deepEqual(delivery.Condition, { ArnLike: { "aws:SourceArn": dataArn }, StringEquals: { "aws:SourceAccount": ACCOUNT_ID } });
      assert.deepEqual(denyingStatements(policy, { principalArn: WRITER, action: "s3:GetObject", resource: `${logs.state.arn}/x`, secureTransport: false }), ["DenyInsecureTransport"]);
      // The log bucket does not log itself (that would loop).
      assert.equal(resourcesOfType("aws:s3/bucketLogging:BucketLogging").length, 1);
    });

    it("passes the pack's S3 policies", () => {
      assert.deepEqual(s3Violations(), []);
      assert.deepEqual(componentViolations(), []);
    });
  });

  it("logs to a given bucket under a given prefix, and creates no log bucket", async () => {
    const result = secureBucket("given", { kmsKeyArn: KEY_ARN, accessLogBucketName: "central-access-logs", accessLogPrefix: (b) => pulumi.interpolate`s3/${b}/`, tlsStatementSid: "DenyWithoutTls" }, {});
    await settle();
    assert.equal(resourcesOfType("aws:s3/bucket:Bucket").length, 1);
    assert.equal(result.logBucket, undefined);
    assert.equal(await valueOf(result.accessLogBucketName), "central-access-logs");
    const logging = resourceNamed("given-logging").state;
    assert.deepEqual([logging.targetBucket, logging.targetPrefix], ["central-access-logs", `s3/${resourceNamed("given").state.bucket}/`]);
    assert.equal(policyOf("given").Statement[0].Sid, "DenyWithoutTls");
    assert.equal(resourcesOfType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").length, 0);
    assert.deepEqual(s3Violations(), []);
  });

  it("names the bucket apart from its settings when asked (for state continuity), and its log bucket too", async () => {
    secureBucket("qb", { kmsKeyArn: KEY_ARN, bucketResourceName: "qb-bucket", logBucketResourceName: "qb-logs" }, {});
    await settle();
    assert.deepEqual(resourcesOfType("aws:s3/bucket:Bucket").map((b) => b.name).sort(), ["qb-bucket", "qb-logs"]);
    assert.equal(resourceNamed("qb-encryption").state.bucket, resourceNamed("qb-bucket").state.bucket);
    assert.equal(resourceNamed("qb-logs-encryption").state.bucket, resourceNamed("qb-logs").state.bucket);
    assert.equal(resourceNamed("qb-logging").state.targetBucket, resourceNamed("qb-logs").state.bucket);
  });

  it("the pack check is live: a bare bucket beside a secure one is flagged", async () => {
    secureBucket("data", { kmsKeyArn: KEY_ARN }, {});
    new aws.s3.Bucket("bare", {});
    await settle();
    const flagged = s3Violations().filter((v) => v.split(": ")[1] === "bare");
    assert.ok(flagged.some((v) => v.startsWith("s3-default-encryption-kms")), flagged.join("\n"));
    assert.ok(flagged.some((v) => v.startsWith("s3-bucket-versioning-enabled")), flagged.join("\n"));
    assert.deepEqual(s3Violations().filter((v) => v.split(": ")[1] !== "bare"), []);
  });

  it("refuses settings that cannot apply", () => {
    assert.throws(() => secureBucket("bad1", { kmsKeyArn: KEY_ARN, accessLogRetentionDays: 0 }, {}), /accessLogRetentionDays must be a whole number/);
    assert.throws(() => secureBucket("bad2", { kmsKeyArn: KEY_ARN, accessLogBucketName: "central", accessLogRetentionDays: 30 }, {}), /apply only to a created log bucket/);
  });
});
