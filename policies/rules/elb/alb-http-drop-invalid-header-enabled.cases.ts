import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:lb/loadBalancer:LoadBalancer", {
  compliant: { "dropInvalidHeaderFields true": { "dropInvalidHeaderFields": true }, "type unknown at preview, dropInvalidHeaderFields true": { "loadBalancerType": UNKNOWN, "dropInvalidHeaderFields": true } },
  violating: { "dropInvalidHeaderFields false": { "dropInvalidHeaderFields": false }, "dropInvalidHeaderFields unset (AWS default false)": {  } },
  notApplicable: { "network load balancer": { "loadBalancerType": "network" } },
  unknown: { "dropInvalidHeaderFields unknown": { "dropInvalidHeaderFields": UNKNOWN }, "type unknown at preview (it may be an ALB), dropInvalidHeaderFields false": { "loadBalancerType": UNKNOWN, "dropInvalidHeaderFields": false } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "dropInvalidHeaderFields true": "COMPLIANT",
  "dropInvalidHeaderFields false": "NON_COMPLIANT",
  "dropInvalidHeaderFields unset (AWS default false)": "NON_COMPLIANT",
  "network load balancer": "NOT_APPLICABLE",
});
