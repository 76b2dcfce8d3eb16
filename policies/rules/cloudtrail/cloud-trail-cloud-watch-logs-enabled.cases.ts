import { judgedByAwsConfig, ruleCases, trail } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "log group", input: trail("t") }],
    violating: [{ title: "none", input: trail("t", { cloudWatchLogsGroupArn: undefined }), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "log group": "COMPLIANT",
  "none": "NON_COMPLIANT",
});
