import { KEY_ARN, UNKNOWN, judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "KMS", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: KEY_ARN, retentionInDays: 90 }) }, { title: "a key created in the same program (unknown at preview): a key is set", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: UNKNOWN, retentionInDays: 90 }) }],
    violating: [{ title: "no key", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 }), about: "lg" }, { title: "empty kmsKeyId", input: res("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: "", retentionInDays: 90 }), about: "lg" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "KMS": "COMPLIANT",
  "no key": "NON_COMPLIANT",
  "empty kmsKeyId": "NON_COMPLIANT",
});
