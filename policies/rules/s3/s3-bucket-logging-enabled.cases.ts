import { alb, BUCKET, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

export default ruleCases({
    compliant: [
      { title: "BucketLogging, log bucket exempt", input: secureBucket("data") },
      { title: "ALB access-log bucket exempt", input: [res(BUCKET, "lb-logs", { bucket: "lb-logs" }), alb("web")] },
      { title: "log target unknown but known by dependency", input: [res(BUCKET, "logs", { bucket: UNKNOWN }), res(BUCKET, "data", { bucket: UNKNOWN }), res("aws:s3/bucketLogging:BucketLogging", "data-logging", { bucket: UNKNOWN, targetBucket: UNKNOWN }, { propertyDependencies: { bucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::data"], targetBucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::logs"] } })] },
    ],
    violating: [
      { title: "a bucket without BucketLogging next to a logged one", input: [...secureBucket("data"), res(BUCKET, "solo", { bucket: "solo" })], about: "solo" },
      { title: "log bucket not exempt when exemptLogTargets is false", input: secureBucket("data"), config: { exemptLogTargets: false }, about: "data-logs" },
    ],
  });
