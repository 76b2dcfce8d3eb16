import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { secureBucket } from "../../components/shared/secure-bucket";
import { packViolations } from "../harness/policy-pack";
import { settle, useOfflineMocks } from "../harness/pulumi";

// kamae-s3-log-target-sse-s3 over what real programs create (offline mocks), not hand-written views: the defect it
// guards against is a component logging into a SSE-KMS bucket, which s3-default-encryption-kms lets through.
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const RULE = "kamae-s3-log-target-sse-s3";
const violationsOf = (rule: string) => packViolations().filter((v) => v.startsWith(`${rule}:`));

describe(`${RULE} on programs`, () => {
  beforeEach(() => useOfflineMocks());

  it("passes secureBucket with its own access-log bucket (SSE-S3)", async () => {
    secureBucket("data", { kmsKeyArn: KEY_ARN }, {});
    await settle();
    assert.deepEqual(violationsOf(RULE), []);
  });

  it("flags a program's SSE-KMS bucket that secureBucket logs into, which the KMS rule exempts as a log target", async () => {
    const central = new aws.s3.Bucket("central", { bucket: "central-access-logs" });
    new aws.s3.BucketServerSideEncryptionConfiguration("central-encryption", {
      bucket: central.bucket,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }],
    });
    secureBucket("data", { kmsKeyArn: KEY_ARN, accessLogBucketName: central.bucket }, {});
    await settle();
    const found = violationsOf(RULE);
    assert.equal(found.length, 1, found.join("\n"));
    assert.match(found[0], /^kamae-s3-log-target-sse-s3: central: Bucket central \(Bucket\) receives S3 server access logs from data-logging \(BucketLogging\) but its default encryption is aws:kms/);
    assert.deepEqual(violationsOf("s3-default-encryption-kms"), []);
  });

  it("flags an ALB whose access logs go to a SSE-KMS bucket, and passes it once the bucket is SSE-S3", async () => {
    const program = (name: string, sseAlgorithm: string) => {
      const logs = new aws.s3.Bucket(`${name}-logs`, {});
      new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-logs-encryption`, { bucket: logs.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] });
      new aws.lb.LoadBalancer(name, { loadBalancerType: "application", subnets: ["subnet-0a", "subnet-0b"], accessLogs: { enabled: true, bucket: logs.bucket } });
    };
    program("dsse", "aws:kms:dsse");
    program("plain", "AES256");
    await settle();
    const found = violationsOf(RULE);
    assert.equal(found.length, 1, found.join("\n"));
    assert.match(found[0], /^kamae-s3-log-target-sse-s3: dsse-logs: .*load balancer access logs from dsse \(LoadBalancer\) but its default encryption is aws:kms:dsse/);
  });
});
