import { asg, ASG, judgedByAwsConfig, res, ruleCases } from "../cases";

const cases = ruleCases({
    compliant: [{ title: "launch template", input: asg("web", {}) }],
    violating: [{ title: "launch configuration", input: res(ASG, "web", { launchConfiguration: "lc-1" }), about: "web" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "launch template": "COMPLIANT",
  "launch configuration": "NON_COMPLIANT",
});
