import { judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "encrypted", input: res("aws:rds/cluster:Cluster", "c", { storageEncrypted: true }) }],
    violating: [{ title: "unencrypted", input: res("aws:rds/cluster:Cluster", "c", {}), about: "c" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encrypted": "COMPLIANT",
  "unencrypted": "NON_COMPLIANT",
});
