import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:autoscaling/group:Group", {
  compliant: { "ELB checks": { "maxSize": 2, "minSize": 1, "targetGroupArns": ["arn:tg"], "healthCheckType": "ELB" } },
  violating: { "EC2 checks": { "maxSize": 2, "minSize": 1, "targetGroupArns": ["arn:tg"] } },
  notApplicable: { "no load balancer": { "maxSize": 2, "minSize": 1 } },
  unknown: { "type unknown": { "maxSize": 2, "minSize": 1, "targetGroupArns": ["arn:tg"], "healthCheckType": UNKNOWN } },
});
