import { BUCKET, judgedByAwsConfig, KEY_ARN, replace, res, ruleCases, secureBucket, UNKNOWN, without } from "../cases";

const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const KEY_ID = KEY_ARN.split("/")[1];
const withKey = (kmsMasterKeyId: unknown) => [res(BUCKET, "d", { bucket: "d" }), res(SSE, "d-sse", { bucket: "d", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId } }] })];

const withRules = (rules: unknown[]) => [res(BUCKET, "d", { bucket: "d" }), res(SSE, "d-sse", { bucket: "d", rules })];
const SSE_S3 = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }];
const albLogs = [res(BUCKET, "alb-logs", { bucket: "alb-logs" }), res(SSE, "alb-logs-sse", { bucket: "alb-logs", rules: SSE_S3 }), res("aws:lb/loadBalancer:LoadBalancer", "web", { loadBalancerType: "application", accessLogs: { bucket: "alb-logs", enabled: true } })];

const cases = ruleCases({
  unknown: [
    { title: "the algorithm from an unknown output", input: withRules([{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN } }]), about: "d", says: "its default encryption algorithm is unknown" },
    { title: "SSE-S3 while a log delivery's target bucket is unknown", input: [...withRules(SSE_S3), res("aws:s3/bucketLogging:BucketLogging", "x-logging", { bucket: "x", targetBucket: UNKNOWN })], about: "d", says: "its default encryption configuration is unknown" },
    { title: "an encryption configuration naming an unknown bucket", input: [res(BUCKET, "d", { bucket: "d" }), res(SSE, "d-sse", { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] })], about: "d" },
    { title: "the key from an unknown output while a list of allowed keys is given", input: withKey(UNKNOWN), config: { allowedKmsKeyArns: [KEY_ARN] }, about: "d", says: "its KMS key is unknown" },
  ],
    compliant: [
      { title: "separate SSE-KMS configuration", input: secureBucket("data") },
      { title: "deprecated inline configuration", input: [res(BUCKET, "old", { bucket: "old", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } })] },
      { title: "key in the allowed list", input: secureBucket("data"), config: { allowedKmsKeyArns: [KEY_ARN] } },
      { title: "SSE-S3 on the access-log bucket (the only encryption log delivery supports)", input: secureBucket("data") },
      { title: "allowed list names the key id; the bucket uses the ARN", input: withKey(KEY_ARN), config: { allowedKmsKeyArns: [KEY_ID] } },
      { title: "allowed list names the ARN; the bucket uses the key id", input: withKey(KEY_ID), config: { allowedKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/other", KEY_ARN] } },
      { title: "the key from an unknown output, no list of allowed keys", input: withKey(UNKNOWN) },
      { title: "SSE-S3 on an ALB's access-log bucket", input: albLogs },
      { title: "DSSE-KMS", input: [res(BUCKET, "d", { bucket: "d" }), res(SSE, "d-sse", { bucket: "d", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse" } }] })] },
    ],
    violating: [
      { title: "no encryption configuration", input: without(secureBucket("data"), "data-sse"), about: "data" },
      { title: "SSE-S3 (AES256)", input: replace(secureBucket("data"), "data-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }), about: "data", says: "uses AES256; SSE-KMS" },
      { title: "a rule with the bucket key only, no default encryption", input: withRules([{ bucketKeyEnabled: true }]), about: "d", says: "has no default encryption configuration" },
      { title: "a rule whose default encryption is null", input: withRules([{ applyServerSideEncryptionByDefault: null, bucketKeyEnabled: false }]), about: "d" },
      { title: "SSE-S3 on an ALB's access-log bucket when exemptLogTargets is false", input: albLogs, config: { exemptLogTargets: false }, about: "alb-logs" },
      { title: "SSE-S3 on a log bucket when exemptLogTargets is false", input: replace(secureBucket("data"), "data-logs-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }), config: { exemptLogTargets: false }, about: "data-logs" },
      { title: "a key whose id only ends like an allowed one", input: withKey("arn:aws:kms:us-east-1:123456789012:key/x1234abcd"), config: { allowedKmsKeyArns: ["1234abcd"] }, about: "d" },
      { title: "no key named while a list of allowed keys is given (the AWS managed key)", input: withKey(undefined), config: { allowedKmsKeyArns: [KEY_ARN] }, about: "d" },
      { title: "SSE-S3 on a bucket that receives no access logs", input: [res(BUCKET, "d", { bucket: "d" }), res(SSE, "d-sse", { bucket: "d", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] })], about: "d" },
      { title: "key not in the allowed list", input: [res(BUCKET, "d", { bucket: "d" }), res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "d-sse", { bucket: "d", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] })], config: { allowedKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/other"] }, about: "d" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "separate SSE-KMS configuration": { awsConfig: "NON_COMPLIANT", why: "Its access-log bucket uses SSE-S3, the only encryption S3 server access logs are delivered to (exemptLogTargets, default true, and kamae-s3-log-target-sse-s3 requires it); the Config rule flags it." },
  "deprecated inline configuration": "COMPLIANT",
  "key in the allowed list": { awsConfig: "NON_COMPLIANT", why: "Its access-log bucket uses SSE-S3 (exemptLogTargets, default true); the Config rule flags it." },
  "SSE-S3 on the access-log bucket (the only encryption log delivery supports)": { awsConfig: "NON_COMPLIANT", why: "An access-log bucket with SSE-S3 (exemptLogTargets, default true); the Config rule flags it." },
  "allowed list names the key id; the bucket uses the ARN": { awsConfig: "NON_COMPLIANT", why: "The pack matches a key id with its ARN; the Config rule's kmsKeyArns is a list of key ARNs, compared with the key the bucket names, so a key id in allowedKmsKeyArns matches nothing once deployed. Give ARNs." },
  "allowed list names the ARN; the bucket uses the key id": { awsConfig: "NON_COMPLIANT", why: "The pack matches a key id with its ARN; the deployed rule compares the ARNs of kmsKeyArns with the key id the bucket's configuration holds. Name the key by ARN in the bucket's encryption." },
  "DSSE-KMS": "COMPLIANT",
  "SSE-S3 on an ALB's access-log bucket": { awsConfig: "NON_COMPLIANT", why: "ELB access logs are delivered only to SSE-S3 buckets (exemptLogTargets, default true, and kamae-s3-log-target-sse-s3 requires it); the Config rule flags it." },
  "a rule with the bucket key only, no default encryption": "NON_COMPLIANT",
  "a rule whose default encryption is null": "NON_COMPLIANT",
  "SSE-S3 on an ALB's access-log bucket when exemptLogTargets is false": "NON_COMPLIANT",
  "no encryption configuration": "NON_COMPLIANT",
  "SSE-S3 (AES256)": "NON_COMPLIANT",
  "SSE-S3 on a log bucket when exemptLogTargets is false": "NON_COMPLIANT",
  "a key whose id only ends like an allowed one": "NON_COMPLIANT",
  "no key named while a list of allowed keys is given (the AWS managed key)": "NON_COMPLIANT",
  "SSE-S3 on a bucket that receives no access logs": "NON_COMPLIANT",
  "key not in the allowed list": "NON_COMPLIANT",
});
