import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "enhancedVpcRouting true": { "enhancedVpcRouting": true } },
  violating: { "enhancedVpcRouting false": { "enhancedVpcRouting": false }, "enhancedVpcRouting unset (AWS default false)": {  } },
  unknown: { "enhancedVpcRouting unknown": { "enhancedVpcRouting": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "enhancedVpcRouting true": "COMPLIANT",
  "enhancedVpcRouting false": "NON_COMPLIANT",
  "enhancedVpcRouting unset (AWS default false)": "NON_COMPLIANT",
});
