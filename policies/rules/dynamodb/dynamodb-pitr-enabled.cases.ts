import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "PITR setting unknown", input: res("aws:dynamodb/table:Table", "t", { pointInTimeRecovery: { enabled: UNKNOWN } }), about: "t" },],
    compliant: [{ title: "PITR", input: res("aws:dynamodb/table:Table", "t", { pointInTimeRecovery: { enabled: true } }) }],
    violating: [{ title: "none", input: res("aws:dynamodb/table:Table", "t", {}), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "PITR": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
