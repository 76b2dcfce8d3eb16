import { alb, BUCKET, judgedByAwsConfig, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

const cases = ruleCases({
    compliant: [
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
      { title: "a bucket without BucketLogging next to a logged one", input: [...secureBucket("data"), res(BUCKET, "solo", { bucket: "solo" })], about: "solo" },
      { title: "log bucket not exempt when exemptLogTargets is false", input: secureBucket("data"), config: { exemptLogTargets: false }, about: "data-logs" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "BucketLogging, log bucket exempt": { awsConfig: "NON_COMPLIANT", why: "An S3 server access-log target is not required to log itself (logging a log bucket loops: exemptLogTargets, default true); the Config rule has no exemption and flags it." },
  "log target unknown but known by dependency": { awsConfig: "NON_COMPLIANT", why: "An S3 server access-log target is not required to log itself (exemptLogTargets, default true); the Config rule flags it." },
  "ALB access-log bucket is not exempt (only S3 server access-log targets are)": "NON_COMPLIANT",
  "CloudTrail bucket needs access logs (CIS 3.6, FSBP CloudTrail.7)": "NON_COMPLIANT",
  "a bucket without BucketLogging next to a logged one": "NON_COMPLIANT",
  "log bucket not exempt when exemptLogTargets is false": "NON_COMPLIANT",
});
