import { judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "enabled", input: [res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs", { enabled: true })] }],
    violating: [{ title: "none", input: [] }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "enabled": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
