import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:secretsmanager/secret:Secret";
const C = "aws:secretsmanager/secretRotation:SecretRotation";

const cases = ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { name: "t", arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-AbCdEf" }), res(C, "t-config", { secretId: "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-AbCdEf", rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:rotate", rotationRules: { automaticallyAfterDays: 30 } })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { name: "t", arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-AbCdEf" })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { name: "t", arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-AbCdEf" }), res(C, "t-config", { secretId: UNKNOWN, rotationRules: { automaticallyAfterDays: 30 } })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "configured": "COMPLIANT",
  "no configuration": "NON_COMPLIANT",
  "nothing to judge": "NOT_APPLICABLE",
});
