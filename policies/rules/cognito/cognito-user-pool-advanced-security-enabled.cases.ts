import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:cognito/userPool:UserPool", {
  compliant: { "enforced": { "userPoolAddOns": { "advancedSecurityMode": "ENFORCED" } } },
  violating: { "audit only": { "userPoolAddOns": { "advancedSecurityMode": "AUDIT" } }, "unset": {  } },
  unknown: { "mode unknown": { "userPoolAddOns": { "advancedSecurityMode": UNKNOWN } } },
});
