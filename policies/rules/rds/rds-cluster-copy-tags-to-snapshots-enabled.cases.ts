import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/cluster:Cluster", {
  compliant: { "copyTagsToSnapshot true": { "copyTagsToSnapshot": true } },
  violating: { "copyTagsToSnapshot false": { "copyTagsToSnapshot": false }, "copyTagsToSnapshot unset (AWS default false)": {  } },
  unknown: { "copyTagsToSnapshot unknown": { "copyTagsToSnapshot": UNKNOWN } },
});
