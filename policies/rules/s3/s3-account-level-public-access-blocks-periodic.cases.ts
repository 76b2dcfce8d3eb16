import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "a setting of the account block unknown", input: [res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: UNKNOWN })], about: "account" },],
    compliant: [
      { title: "account BPA in the stack", input: [res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })] },
      { title: "managed externally", input: [], config: { managedExternally: true } },
    ],
    violating: [
      { title: "none", input: [] },
      { title: "partial", input: [res("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", { blockPublicAcls: true })] },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "account BPA in the stack": "COMPLIANT",
  "managed externally": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "partial": "NON_COMPLIANT",
});
