import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "crossZoneLoadBalancing true": { "crossZoneLoadBalancing": true }, "crossZoneLoadBalancing unset (AWS default true)": {  } },
  violating: { "crossZoneLoadBalancing false": { "crossZoneLoadBalancing": false } },
  unknown: { "crossZoneLoadBalancing unknown": { "crossZoneLoadBalancing": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "crossZoneLoadBalancing true": "COMPLIANT",
  "crossZoneLoadBalancing unset (AWS default true)": "COMPLIANT",
  "crossZoneLoadBalancing false": "NON_COMPLIANT",
});
