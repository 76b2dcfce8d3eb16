import { BUCKET, KEY_ARN, replace, res, ruleCases, secureBucket, without } from "../cases";

export default ruleCases({
    compliant: [
      { title: "separate SSE-KMS configuration", input: secureBucket("data") },
      { title: "deprecated inline configuration", input: [res(BUCKET, "old", { bucket: "old", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } })] },
      { title: "key in the allowed list", input: secureBucket("data"), config: { allowedKmsKeyArns: [KEY_ARN] } },
      { title: "SSE-S3 on the access-log bucket (the only encryption log delivery supports)", input: secureBucket("data") },
    ],
    violating: [
      { title: "no encryption configuration", input: without(secureBucket("data"), "data-sse"), about: "data" },
      { title: "SSE-S3 (AES256)", input: replace(secureBucket("data"), "data-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }), about: "data" },
      { title: "SSE-S3 on a log bucket when exemptLogTargets is false", input: replace(secureBucket("data"), "data-logs-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }), config: { exemptLogTargets: false }, about: "data-logs" },
      { title: "key not in the allowed list", input: [res(BUCKET, "d", { bucket: "d" }), res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "d-sse", { bucket: "d", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] })], config: { allowedKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/other"] }, about: "d" },
    ],
  });
