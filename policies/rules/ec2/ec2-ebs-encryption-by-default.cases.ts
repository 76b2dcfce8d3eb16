import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "the setting's switch from an unknown output", input: [res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs", { enabled: UNKNOWN })], about: "ebs" },],
    compliant: [{ title: "enabled", input: [res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs", { enabled: true })] }],
    violating: [{ title: "none", input: [] }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "enabled": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
