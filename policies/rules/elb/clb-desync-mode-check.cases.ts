import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elb/loadBalancer:LoadBalancer", {
  compliant: { "default (defensive)": {  }, "strictest": { "desyncMitigationMode": "strictest" } },
  violating: { "monitor": { "desyncMitigationMode": "monitor" } },
  unknown: { "mode unknown": { "desyncMitigationMode": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "default (defensive)": "COMPLIANT",
  "strictest": "COMPLIANT",
  "monitor": "NON_COMPLIANT",
});
