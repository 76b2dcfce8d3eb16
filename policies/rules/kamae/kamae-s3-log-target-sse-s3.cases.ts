import { alb, BUCKET, KEY_ARN, LB, LOGGING, replace, res, ruleCases, secureBucket, sse, trail, UNKNOWN, urnOf } from "../cases";

const CLASSIC_ELB = "aws:elb/loadBalancer:LoadBalancer";

export default ruleCases({
    compliant: [
      { title: "access-log bucket with a separate SSE-S3 configuration, source bucket on SSE-KMS", input: secureBucket("data") },
      { title: "access-log bucket with inline SSE-S3", input: [res(BUCKET, "logs", { bucket: "logs", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      { title: "access-log bucket without a configuration (S3 applies SSE-S3)", input: [res(BUCKET, "logs", { bucket: "logs" }), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      { title: "ALB access-log bucket on SSE-S3", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "AES256"), alb("web")] },
      { title: "ALB naming a SSE-KMS bucket with access logs disabled", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "web", { loadBalancerType: "application", accessLogs: { enabled: false, bucket: "lb-logs" } })] },
      { title: "ALB naming a SSE-KMS bucket without `enabled` (ALB access logs are off by default)", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(LB, "web", { loadBalancerType: "application", accessLogs: { bucket: "lb-logs" } })] },
      { title: "Classic ELB naming a SSE-KMS bucket with access logs disabled", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), sse("lb-logs", "aws:kms"), res(CLASSIC_ELB, "legacy", { accessLogs: { enabled: false, bucket: "lb-logs" } })] },
      { title: "SSE-KMS bucket that receives no S3 or ELB access logs", input: [res(BUCKET, "data", { bucket: "data" }), sse("data", "aws:kms"), trail("org", { s3BucketName: "data" })] },
      { title: "target unknown in preview with no dependency information: no verdict", input: [res(BUCKET, "logs", { bucket: "logs" }), sse("logs", "aws:kms"), res(LOGGING, "data-logging", { bucket: "data", targetBucket: UNKNOWN })] },
      { title: "target's algorithm unknown in preview", input: [res(BUCKET, "logs", { bucket: "logs" }), sse("logs", UNKNOWN), res(LOGGING, "data-logging", { bucket: "data", targetBucket: "logs" })] },
      {
        title: "unknown references: only the targetBucket's own dependency counts, not the source bucket's",
        input: [res(BUCKET, "data", { bucket: UNKNOWN }), sse(UNKNOWN, "aws:kms", { propertyDependencies: { bucket: [urnOf("data")] } }), res(BUCKET, "logs", { bucket: UNKNOWN }), res(LOGGING, "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { dependencies: [urnOf("data"), urnOf("logs")], propertyDependencies: { bucket: [urnOf("data")], targetBucket: [urnOf("logs")] } })],
      },
    ],
    violating: [
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
