import { judgedByAwsConfig, ruleCases, trail } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "logging", input: trail("t") }],
    violating: [{ title: "logging off", input: trail("t", { enableLogging: false }), about: "t" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logging": "COMPLIANT",
  "logging off": "NON_COMPLIANT",
});
