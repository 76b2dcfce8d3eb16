import { alb, BUCKET, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

export default ruleCases({
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
