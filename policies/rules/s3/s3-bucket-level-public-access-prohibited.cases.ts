import { BUCKET, judgedByAwsConfig, replace, res, ruleCases, secureBucket, UNKNOWN, without } from "../cases";

const cases = ruleCases({
    compliant: [
      { title: "BPA as a separate resource", input: secureBucket("data") },
      { title: "no BPA: new buckets block public access by default (April 2023), AWS Config judges them compliant", input: without(secureBucket("data"), "data-bpa") },
      { title: "BPA of another bucket, none for this one", input: [res(BUCKET, "a", { bucket: "a" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "x-bpa", { bucket: "other", blockPublicAcls: false })] },
      { title: "BPA reference unknown in preview but the engine knows it came from the bucket", input: [res(BUCKET, "b", { bucket: UNKNOWN }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-bpa", { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, { propertyDependencies: { bucket: ["urn:pulumi:test::kamae::aws:s3/bucket:Bucket::b"] } })] },
      { title: "BPA reference unknown with no dependency information: no verdict", input: [res(BUCKET, "b", {}), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-bpa", { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
    ],
    violating: [
      { title: "BPA with restrictPublicBuckets false", input: replace(secureBucket("data"), "data-bpa", { restrictPublicBuckets: false }), about: "data" },
      { title: "BPA resource leaving a setting at its API default (false)", input: [res(BUCKET, "a", { bucket: "a" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "a-bpa", { bucket: "a", blockPublicAcls: true, blockPublicPolicy: true })], about: "a" },
    ],
    unknown: [
      { title: "a setting of its BPA unknown at preview", input: replace(secureBucket("data"), "data-bpa", { restrictPublicBuckets: UNKNOWN }), about: "data" },
      { title: "a partly-off BPA whose bucket reference cannot be resolved", input: [res(BUCKET, "b", {}), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "b-bpa", { bucket: UNKNOWN, blockPublicAcls: false })], about: "b" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "BPA as a separate resource": "COMPLIANT",
  "no BPA: new buckets block public access by default (April 2023), AWS Config judges them compliant": "COMPLIANT",
  "BPA of another bucket, none for this one": "COMPLIANT",
  "BPA reference unknown in preview but the engine knows it came from the bucket": "COMPLIANT",
  "BPA reference unknown with no dependency information: no verdict": "COMPLIANT",
  "BPA with restrictPublicBuckets false": "NON_COMPLIANT",
  "BPA resource leaving a setting at its API default (false)": "NON_COMPLIANT",
});
