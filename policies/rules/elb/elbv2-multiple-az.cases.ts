import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:lb/loadBalancer:LoadBalancer", {
  compliant: { "two subnets": { "subnets": ["subnet-a", "subnet-b"] } },
  violating: { "one subnet": { "subnets": ["subnet-a"] } },
  unknown: { "subnets unknown": { "subnets": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "two subnets": "COMPLIANT",
  "one subnet": "NON_COMPLIANT",
});
