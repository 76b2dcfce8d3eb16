import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:cognito/userPool:UserPool", {
  compliant: { "enforced": { "userPoolAddOns": { "advancedSecurityMode": "ENFORCED" } } },
  violating: { "audit only": { "userPoolAddOns": { "advancedSecurityMode": "AUDIT" } }, "unset": {  } },
  unknown: { "mode unknown": { "userPoolAddOns": { "advancedSecurityMode": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "enforced": "COMPLIANT",
  "audit only": "NON_COMPLIANT",
  "unset": "NON_COMPLIANT",
});
