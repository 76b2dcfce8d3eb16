import { judgedByAwsConfig, ruleCases, trail } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "validation", input: trail("t") }],
    violating: [{ title: "no validation", input: trail("t", { enableLogFileValidation: false }), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "validation": "COMPLIANT",
  "no validation": "NON_COMPLIANT",
});
