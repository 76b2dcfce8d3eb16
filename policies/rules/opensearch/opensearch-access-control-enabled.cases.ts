import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:opensearch/domain:Domain", {
  compliant: { "advancedSecurityOptions.enabled true": { "advancedSecurityOptions": { "enabled": true } } },
  violating: { "advancedSecurityOptions.enabled false": { "advancedSecurityOptions": { "enabled": false } }, "advancedSecurityOptions.enabled unset (AWS default false)": {  } },
  unknown: { "advancedSecurityOptions.enabled unknown": { "advancedSecurityOptions": { "enabled": UNKNOWN } } },
});
