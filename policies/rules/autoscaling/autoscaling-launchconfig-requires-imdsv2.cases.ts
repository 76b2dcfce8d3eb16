import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "tokens setting unknown", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { metadataOptions: { httpTokens: UNKNOWN } }), about: "lc" },],
    compliant: [{ title: "required", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { metadataOptions: { httpTokens: "required" } }) }],
    violating: [{ title: "unset", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", {}), about: "lc" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "required": "COMPLIANT",
  "unset": "NON_COMPLIANT",
});
