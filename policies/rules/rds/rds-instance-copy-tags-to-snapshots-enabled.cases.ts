import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "copyTagsToSnapshot true": { "copyTagsToSnapshot": true } },
  violating: { "copyTagsToSnapshot false": { "copyTagsToSnapshot": false }, "copyTagsToSnapshot unset (AWS default false)": {  } },
  unknown: { "copyTagsToSnapshot unknown": { "copyTagsToSnapshot": UNKNOWN } },
});
