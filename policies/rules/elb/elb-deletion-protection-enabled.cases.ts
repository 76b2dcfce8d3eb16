import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:lb/loadBalancer:LoadBalancer", {
  compliant: { "enableDeletionProtection true": { "enableDeletionProtection": true } },
  violating: { "enableDeletionProtection false": { "enableDeletionProtection": false }, "enableDeletionProtection unset (AWS default false)": {  } },
  unknown: { "enableDeletionProtection unknown": { "enableDeletionProtection": UNKNOWN } },
});
