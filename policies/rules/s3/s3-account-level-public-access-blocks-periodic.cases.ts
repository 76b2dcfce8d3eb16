import { judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
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
