import { BUCKET, judgedByAwsConfig, replace, res, ruleCases, secureBucket, UNKNOWN, without } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "the versioning status from an unknown output", input: replace(secureBucket("data"), "data-versioning", { versioningConfiguration: { status: UNKNOWN } }), about: "data" },],
    compliant: [
      { title: "separate BucketVersioning", input: secureBucket("data") },
      { title: "deprecated inline versioning", input: [res(BUCKET, "old", { bucket: "old", versioning: { enabled: true } })] },
    ],
    violating: [
      { title: "no BucketVersioning", input: without(secureBucket("data"), "data-versioning"), about: "data" },
      { title: "BucketVersioning Suspended", input: replace(secureBucket("data"), "data-versioning", { versioningConfiguration: { status: "Suspended" } }), about: "data" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "separate BucketVersioning": "COMPLIANT",
  "deprecated inline versioning": "COMPLIANT",
  "no BucketVersioning": "NON_COMPLIANT",
  "BucketVersioning Suspended": "NON_COMPLIANT",
});
