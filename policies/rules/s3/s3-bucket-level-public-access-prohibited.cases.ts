import { BUCKET, replace, res, ruleCases, secureBucket, UNKNOWN, without } from "../cases";

export default ruleCases({
    compliant: [
      { title: "BPA as a separate resource", input: secureBucket("data") },
      { title: "BPA reference unknown in preview but the engine knows it came from the bucket", input: [res(BUCKET, "b", { bucket: UNKNOWN }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-bpa", { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { propertyDependencies: { bucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::b"] } })] },
      { title: "BPA reference unknown with no dependency information: no verdict", input: [res(BUCKET, "b", {}), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-bpa", { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
    ],
    violating: [
      { title: "no BPA", input: without(secureBucket("data"), "data-bpa"), about: "data" },
      { title: "BPA with restrictPublicBuckets false", input: replace(secureBucket("data"), "data-bpa", { restrictPublicBuckets: false }), about: "data" },
      { title: "BPA of another bucket", input: [res(BUCKET, "a", { bucket: "a" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "x-bpa", { bucket: "other", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })], about: "a" },
    ],
  });
