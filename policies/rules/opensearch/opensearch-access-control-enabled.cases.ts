import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:opensearch/domain:Domain", {
  compliant: { "advancedSecurityOptions.enabled true": { "advancedSecurityOptions": { "enabled": true } } },
  violating: { "advancedSecurityOptions.enabled false": { "advancedSecurityOptions": { "enabled": false } }, "advancedSecurityOptions.enabled unset (AWS default false)": {  } },
  unknown: { "advancedSecurityOptions.enabled unknown": { "advancedSecurityOptions": { "enabled": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "advancedSecurityOptions.enabled true": "COMPLIANT",
  "advancedSecurityOptions.enabled false": "NON_COMPLIANT",
  "advancedSecurityOptions.enabled unset (AWS default false)": "NON_COMPLIANT",
});
