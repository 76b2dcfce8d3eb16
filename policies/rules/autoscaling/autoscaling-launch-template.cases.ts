import { asg, ASG, judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
    compliant: [
    { title: "launch template id from an unknown output", input: res("aws:autoscaling/group:Group", "g", { launchTemplate: { id: UNKNOWN, version: "$Latest" } }) },{ title: "launch template", input: asg("web", {}) }],
    unknown: [{ title: "launch configuration beside a launch template unknown at preview (it may be absent)", input: res(ASG, "web", { launchConfiguration: "lc-1", launchTemplate: UNKNOWN }), about: "web", says: "whether a launch template replaces" }],
    violating: [{ title: "launch configuration", input: res(ASG, "web", { launchConfiguration: "lc-1" }), about: "web" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "launch template": "COMPLIANT",
  "launch configuration": "NON_COMPLIANT",
});
