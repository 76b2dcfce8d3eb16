import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "deletionProtection true": { "deletionProtection": true } },
  violating: { "deletionProtection false": { "deletionProtection": false }, "deletionProtection unset (AWS default false)": {  } },
  unknown: { "deletionProtection unknown": { "deletionProtection": UNKNOWN } },
});
