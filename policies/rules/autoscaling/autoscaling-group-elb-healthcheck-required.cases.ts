import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:autoscaling/group:Group", {
  compliant: { "ELB checks": { "maxSize": 2, "minSize": 1, "targetGroupArns": ["arn:tg"], "healthCheckType": "ELB" } },
  violating: { "EC2 checks": { "maxSize": 2, "minSize": 1, "targetGroupArns": ["arn:tg"] } },
  notApplicable: { "no load balancer": { "maxSize": 2, "minSize": 1 } },
  unknown: { "type unknown": { "maxSize": 2, "minSize": 1, "targetGroupArns": ["arn:tg"], "healthCheckType": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "ELB checks": "COMPLIANT",
  "EC2 checks": "NON_COMPLIANT",
  "no load balancer": "NOT_APPLICABLE",
});
