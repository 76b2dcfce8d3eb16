import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dynamodb/table:Table", {
  compliant: { "deletionProtectionEnabled true": { "deletionProtectionEnabled": true } },
  violating: { "deletionProtectionEnabled false": { "deletionProtectionEnabled": false }, "deletionProtectionEnabled unset (AWS default false)": {  } },
  unknown: { "deletionProtectionEnabled unknown": { "deletionProtectionEnabled": UNKNOWN } },
});
