import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "encryption flag unknown", input: res("aws:rds/cluster:Cluster", "c", { storageEncrypted: UNKNOWN }), about: "c" },],
    compliant: [{ title: "encrypted", input: res("aws:rds/cluster:Cluster", "c", { storageEncrypted: true }) }],
    violating: [{ title: "unencrypted", input: res("aws:rds/cluster:Cluster", "c", {}), about: "c" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encrypted": "COMPLIANT",
  "unencrypted": "NON_COMPLIANT",
});
