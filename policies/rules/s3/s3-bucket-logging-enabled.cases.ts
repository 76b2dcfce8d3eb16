import { alb, BUCKET, judgedByAwsConfig, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

/** A log bucket of this stack whose name is unknown at preview (itself logged elsewhere, out of the case's question). */
const logsBucket = res(BUCKET, "logs", { bucket: UNKNOWN, logging: { targetBucket: "audit-logs" } });

const LOGGING = "aws:s3/bucketLogging:BucketLogging";

const cases = ruleCases({
    unknown: [
      { title: "BucketV2's logging list with a target from an unknown output, no dependency information", input: [res("aws:s3/bucketV2:BucketV2", "data", { bucket: "data", loggings: [{ targetBucket: UNKNOWN }] })], about: "data" },
      { title: "inline logging block from an unknown output, no dependency information", input: [res(BUCKET, "data", { bucket: "data", logging: UNKNOWN })], about: "data" },
      { title: "a BucketLogging for a bucket of an unknown name", input: [res(BUCKET, "data", { bucket: "data" }), res(LOGGING, "x-logging", { bucket: UNKNOWN, targetBucket: "logs" })], about: "data", says: "whether it has (or receives) server access logs is unknown" },
      { title: "no logging, while another bucket's logs go to a target of an unknown name", input: [res(BUCKET, "data", { bucket: "data" }), res(LOGGING, "x-logging", { bucket: "x", targetBucket: UNKNOWN })], about: "data" },
    ],
    compliant: [
      { title: "deprecated inline logging", input: [res(BUCKET, "data", { bucket: "data", logging: { targetBucket: "logs", targetPrefix: "data/" } })] },
      { title: "BucketV2's logging list with a target from a bucket of this stack, unknown at preview", input: [logsBucket, { ...res("aws:s3/bucketV2:BucketV2", "data", { bucket: "data", loggings: [{ targetBucket: UNKNOWN }] }), propertyDependencies: { loggings: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::logs"] } }] },
      { title: "inline logging block from a bucket of this stack, unknown at preview", input: [logsBucket, { ...res(BUCKET, "data", { bucket: "data", logging: UNKNOWN }), propertyDependencies: { logging: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::logs"] } }] },
      { title: "BucketLogging, log bucket exempt", input: secureBucket("data") },
      { title: "log target unknown but known by dependency", input: [res(BUCKET, "logs", { bucket: UNKNOWN }), res(BUCKET, "data", { bucket: UNKNOWN }), res("aws:s3/bucketLogging:BucketLogging", "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { propertyDependencies: { bucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::data"], targetBucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::logs"] } })] },
    ],
    violating: [
      { title: "ALB access-log bucket is not exempt (only S3 server access-log targets are)", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), alb("web")], about: "lb-logs" },
      {
        title: "CloudTrail bucket needs access logs (CIS 3.6, FSBP CloudTrail.7)",
        input: [res(BUCKET, "trail-logs", { bucket: "trail-logs" }), res("aws:cloudtrail/trail:Trail", "org", { s3BucketName: "trail-logs", isMultiRegionTrail: true })],
        about: "trail-logs",
      },
      { title: "a bucket without BucketLogging next to a logged one", input: [...secureBucket("data"), res(BUCKET, "solo", { bucket: "solo" })], about: "solo", says: "has no BucketLogging" },
      { title: "log bucket not exempt when exemptLogTargets is false", input: secureBucket("data"), config: { exemptLogTargets: false }, about: "data-logs" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "BucketLogging, log bucket exempt": { awsConfig: "NON_COMPLIANT", why: "An S3 server access-log target is not required to log itself (logging a log bucket loops: exemptLogTargets, default true); the Config rule has no exemption and flags it." },
  "log target unknown but known by dependency": { awsConfig: "NON_COMPLIANT", why: "An S3 server access-log target is not required to log itself (exemptLogTargets, default true); the Config rule flags it." },
  "deprecated inline logging": "COMPLIANT",
  "ALB access-log bucket is not exempt (only S3 server access-log targets are)": "NON_COMPLIANT",
  "CloudTrail bucket needs access logs (CIS 3.6, FSBP CloudTrail.7)": "NON_COMPLIANT",
  "a bucket without BucketLogging next to a logged one": "NON_COMPLIANT",
  "log bucket not exempt when exemptLogTargets is false": "NON_COMPLIANT",
});
