import { judgedByAwsConfig, ruleCases, trail } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "KMS", input: trail("t") }],
    violating: [{ title: "no key", input: trail("t", { kmsKeyId: undefined }), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "no key": "NON_COMPLIANT",
});
