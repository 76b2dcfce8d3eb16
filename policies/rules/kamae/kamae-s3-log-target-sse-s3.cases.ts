import { alb, BUCKET, KEY_ARN, LB, LOGGING, replace, res, ruleCases, secureBucket, sse, trail, UNKNOWN, urnOf } from "../cases";

const CLASSIC_ELB = "aws:elb/loadBalancer:LoadBalancer";

const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const kmsLogs = [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms")];

export default ruleCases({
  unknown: [
    { title: "target unknown in preview with no dependency information", input: [res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "aws:kms"), res(LOGGING, "data-logging", { bucket: "data", targetBucket: UNKNOWN })], about: "logs", says: "whether it receives S3 server access logs from data-logging" },
    { title: "target's algorithm unknown in preview", input: [res(BUCKET, "logs", { bucket: "logs" }), sse("logs", UNKNOWN), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })], about: "logs", says: "its default encryption, while it receives S3 server access logs from data-logging" },
    { title: "target's inline encryption configuration unknown in preview", input: [res(BUCKET, "logs", { bucket: "logs", serverSideEncryptionConfiguration: UNKNOWN }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })], about: "logs" },
    { title: "target's default encryption block unknown in preview", input: [res(BUCKET, "logs", { bucket: "logs" }), res(SSE, "logs-sse", { bucket: "logs", rules: [{ applyServerSideEncryptionByDefault: UNKNOWN }] }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })], about: "logs" },
    { title: "ALB whose access-log switch is unknown, into a SSE-KMS bucket", input: [...kmsLogs, res(LB, "web", { loadBalancerType: "application", accessLogs: { enabled: UNKNOWN, bucket: "lb-logs" } })], about: "lb-logs", says: "whether it receives load balancer access logs from web" },
    { title: "Classic ELB whose access logs are unknown, the engine naming the SSE-KMS bucket as their dependency", input: [...kmsLogs, res(CLASSIC_ELB, "legacy", { accessLogs: UNKNOWN }, { propertyDependencies: { accessLogs: [urnOf("lb-logs")] } })], about: "lb-logs" },
  ],
    compliant: [
      { title: "access-log bucket with a separate SSE-S3 configuration, source bucket on SSE-KMS", input: secureBucket("data") },
      { title: "access-log bucket with inline SSE-S3", input: [res(BUCKET, "logs", { bucket: "logs", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      { title: "access-log bucket without a configuration (S3 applies SSE-S3)", input: [res(BUCKET, "logs", { bucket: "logs" }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      { title: "ALB access-log bucket on SSE-S3", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "AES256"), alb("web")] },
      { title: "ALB naming a SSE-KMS bucket with access logs disabled", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "web", { loadBalancerType: "application", accessLogs: { enabled: false, bucket: "lb-logs" } })] },
      { title: "ALB naming a SSE-KMS bucket without `enabled` (ALB access logs are off by default)", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "web", { loadBalancerType: "application", accessLogs: { bucket: "lb-logs" } })] },
      { title: "Classic ELB naming a SSE-KMS bucket with access logs disabled", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(CLASSIC_ELB, "legacy", { accessLogs: { enabled: false, bucket: "lb-logs" } })] },
      { title: "SSE-KMS bucket that receives no S3 or ELB access logs", input: [res(BUCKET, "data", { bucket: "data" }), sse("data", "aws:kms"), trail("org", { s3BucketName: "data" })] },
      { title: "access-log bucket whose encryption rule sets only the bucket key (S3 applies SSE-S3)", input: [res(BUCKET, "logs", { bucket: "logs" }), res(SSE, "logs-sse", { bucket: "logs", rules: [{ bucketKeyEnabled: true }] }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      { title: "ALB access logs unknown, the engine naming another bucket as their dependency", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "web", { loadBalancerType: "application", accessLogs: UNKNOWN }, { propertyDependencies: { accessLogs: [urnOf("other")] } })] },
      { title: "target unknown in preview, SSE-S3 bucket", input: [res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "AES256"), res(LOGGING, "data-logging", { bucket: "data", targetBucket: UNKNOWN })] },
      {
        title: "unknown references: only the targetBucket's own dependency counts, not the source bucket's",
        input: [res(BUCKET, "data", { bucket: UNKNOWN }), sse(UNKNOWN, "aws:kms", { propertyDependencies: { bucket: [urnOf("data")] } }), res(BUCKET, "logs", { bucket: UNKNOWN }), res(LOGGING, "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { dependencies: [urnOf("data"), urnOf("logs")], propertyDependencies: { bucket: [urnOf("data")], targetBucket: [urnOf("logs")] } })],
      },
    ],
    violating: [
      { title: "BucketV2's logging list naming a SSE-KMS bucket", input: [res("aws:s3/bucketV2:BucketV2", "data", { bucket: "data", loggings: [{ targetBucket: "logs", targetPrefix: "data/" }] }), res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "aws:kms")], about: "logs", says: "receives S3 server access logs from data (BucketV2) but its default encryption is aws:kms: those logs are delivered only to SSE-S3" },
      { title: "inline logging whose target is unknown, the engine naming the SSE-KMS bucket as its dependency", input: [res(BUCKET, "data", { bucket: "data", logging: { targetBucket: UNKNOWN } }, { propertyDependencies: { logging: [urnOf("logs")] } }), res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "aws:kms")], about: "logs" },
      { title: "two deliveries into one SSE-KMS bucket, both named", input: [...kmsLogs, alb("web"), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "lb-logs" })], about: "lb-logs", says: "load balancer access logs from web (LoadBalancer), S3 server access logs from data-logging (BucketLogging)" },
      { title: "access-log bucket with a separate SSE-KMS configuration", input: replace(secureBucket("data"), "data-logs-sse", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } }] }), about: "data-logs" },
      { title: "access-log bucket with inline DSSE-KMS", input: [res(BUCKET, "logs", { bucket: "logs", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse" } } } }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })], about: "logs" },
      { title: "deprecated inline logging naming a SSE-KMS bucket by ARN", input: [res(BUCKET, "data", { bucket: "data", logging: { targetBucket: "arn:aws:s3:::logs" } }), res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "aws:kms")], about: "logs" },
      { title: "ALB access logs into a SSE-KMS bucket", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), alb("web")], about: "lb-logs" },
      { title: "Classic ELB access logs into a SSE-KMS bucket (on by default: no `enabled`)", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(CLASSIC_ELB, "legacy", { accessLogs: { bucket: "lb-logs", interval: 60 } })], about: "lb-logs" },
      { title: "Classic ELB access logs enabled explicitly into a SSE-KMS bucket", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(CLASSIC_ELB, "legacy", { accessLogs: { enabled: true, bucket: "lb-logs" } })], about: "lb-logs" },
      { title: "NLB access logs into a SSE-KMS bucket", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "tls", { loadBalancerType: "network", accessLogs: { enabled: true, bucket: "lb-logs", prefix: "tls" } })], about: "lb-logs" },
      {
        title: "target unknown in preview, known by the engine's property dependency",
        input: [res(BUCKET, "logs", { bucket: UNKNOWN }), sse(UNKNOWN, "aws:kms", { propertyDependencies: { bucket: [urnOf("logs")] } }), res(LOGGING, "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { propertyDependencies: { targetBucket: [urnOf("logs")] } })],
        about: "logs",
      },
    ],
  });
