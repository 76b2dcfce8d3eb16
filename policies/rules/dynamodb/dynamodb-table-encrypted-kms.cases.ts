import { judgedByAwsConfig, KEY_ARN, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "encryption setting unknown", input: res("aws:dynamodb/table:Table", "t", { serverSideEncryption: { enabled: UNKNOWN } }), about: "t" },],
    compliant: [{ title: "KMS", input: res("aws:dynamodb/table:Table", "t", { serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN } }) }],
    violating: [{ title: "DynamoDB-owned key", input: res("aws:dynamodb/table:Table", "t", {}), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "DynamoDB-owned key": "NON_COMPLIANT",
});
