// S3 user guide, "Security best practices for Amazon S3": SSE-KMS with a rotated key and S3 Bucket Keys, versioning,
// Block Public Access, a policy denying non-TLS requests, server access logs to a log bucket (SSE-S3, as log delivery
// requires), and the log bucket itself secured the same way.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const key = new aws.kms.Key("data-key", { enableKeyRotation: true, deletionWindowInDays: 30 });

function tlsOnly(name: string, bucket: aws.s3.Bucket) {
  new aws.s3.BucketPolicy(`${name}-tls`, {
    bucket: bucket.id,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
      ],
    }),
  });
}

function baseline(name: string, bucket: aws.s3.Bucket, sse: aws.types.input.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefault) {
  new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-sse`, { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: sse, bucketKeyEnabled: true }] });
  new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
  new aws.s3.BucketPublicAccessBlock(`${name}-bpa`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  tlsOnly(name, bucket);
}

const accessLogs = new aws.s3.Bucket("access-logs");
baseline("access-logs", accessLogs, { sseAlgorithm: "AES256" });

const data = new aws.s3.Bucket("customer-data");
baseline("customer-data", data, { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn });
new aws.s3.BucketLogging("customer-data-logging", { bucket: data.id, targetBucket: accessLogs.id, targetPrefix: "customer-data/" });

export const bucket = data.bucket;
