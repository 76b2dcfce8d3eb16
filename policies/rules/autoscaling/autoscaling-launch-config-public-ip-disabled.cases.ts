import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "public IP switch from an unknown output", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: UNKNOWN }), about: "lc" },],
    compliant: [{ title: "no public IP", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: false }) }],
    violating: [{ title: "public IP", input: res("aws:ec2/launchConfiguration:LaunchConfiguration", "lc", { associatePublicIpAddress: true }), about: "lc" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "no public IP": "COMPLIANT",
  "public IP": "NON_COMPLIANT",
});
