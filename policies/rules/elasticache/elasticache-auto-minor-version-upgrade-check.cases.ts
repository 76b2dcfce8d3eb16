import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticache/cluster:Cluster", {
  compliant: { "autoMinorVersionUpgrade true": { "autoMinorVersionUpgrade": true }, "autoMinorVersionUpgrade unset (AWS default true)": {  } },
  violating: { "autoMinorVersionUpgrade false": { "autoMinorVersionUpgrade": false } },
  unknown: { "autoMinorVersionUpgrade unknown": { "autoMinorVersionUpgrade": UNKNOWN } },
});
