import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "encryption flag unknown", input: res("aws:efs/fileSystem:FileSystem", "fs", { encrypted: UNKNOWN }), about: "fs" },],
    compliant: [{ title: "encrypted", input: res("aws:efs/fileSystem:FileSystem", "fs", { encrypted: true }) }],
    violating: [{ title: "unencrypted", input: res("aws:efs/fileSystem:FileSystem", "fs", {}), about: "fs" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encrypted": "COMPLIANT",
  "unencrypted": "NON_COMPLIANT",
});
