import { judgedByAwsConfig, ruleCases, trail, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "validation flag unknown", input: trail("t", { enableLogFileValidation: UNKNOWN }), about: "t" },],
    compliant: [{ title: "validation", input: trail("t") }],
    violating: [{ title: "no validation", input: trail("t", { enableLogFileValidation: false }), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "validation": "COMPLIANT",
  "no validation": "NON_COMPLIANT",
});
