import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "rotation flag unknown", input: res("aws:kms/key:Key", "k", { enableKeyRotation: UNKNOWN }), about: "k" },],
    compliant: [
      { title: "rotation", input: res("aws:kms/key:Key", "k", { enableKeyRotation: true }) },
      { title: "asymmetric key", input: res("aws:kms/key:Key", "k", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }) },
    ],
    violating: [{ title: "no rotation", input: res("aws:kms/key:Key", "k", {}), about: "k" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "rotation": "COMPLIANT",
  "asymmetric key": "NOT_APPLICABLE",
  "no rotation": "NON_COMPLIANT",
});
