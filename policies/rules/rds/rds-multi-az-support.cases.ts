import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "multiAz true": { "multiAz": true } },
  violating: { "multiAz false": { "multiAz": false }, "multiAz unset (AWS default false)": {  } },
  unknown: { "multiAz unknown": { "multiAz": UNKNOWN } },
});
