import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:autoscaling/group:Group", {
  compliant: { "two subnets": { "maxSize": 2, "minSize": 1, "vpcZoneIdentifiers": ["subnet-a", "subnet-b"] } },
  violating: { "one subnet": { "maxSize": 2, "minSize": 1, "vpcZoneIdentifiers": ["subnet-a"] } },
  unknown: { "subnets unknown": { "maxSize": 2, "minSize": 1, "vpcZoneIdentifiers": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "two subnets": "COMPLIANT",
  "one subnet": "NON_COMPLIANT",
});
