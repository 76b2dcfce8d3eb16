import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:route53/zone:Zone";
const C = "aws:route53/queryLog:QueryLog";

const cases = ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { name: "example.com", zoneId: "Z123" }), res(C, "t-config", { zoneId: "Z123", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com" })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { name: "example.com", zoneId: "Z123" })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }, { title: "private zone", input: [res(T, "t", { name: "internal", vpcs: [{ vpcId: "vpc-1" }] })] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { name: "example.com", zoneId: "Z123" }), res(C, "t-config", { zoneId: UNKNOWN, cloudwatchLogGroupArn: "arn" })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "configured": "COMPLIANT",
  "no configuration": "NON_COMPLIANT",
  "nothing to judge": "NOT_APPLICABLE",
  "private zone": "NOT_APPLICABLE",
});
