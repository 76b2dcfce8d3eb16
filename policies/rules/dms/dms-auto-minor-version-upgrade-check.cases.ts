import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dms/replicationInstance:ReplicationInstance", {
  compliant: { "autoMinorVersionUpgrade true": { "autoMinorVersionUpgrade": true } },
  violating: { "autoMinorVersionUpgrade false": { "autoMinorVersionUpgrade": false }, "autoMinorVersionUpgrade unset (AWS default false)": {  } },
  unknown: { "autoMinorVersionUpgrade unknown": { "autoMinorVersionUpgrade": UNKNOWN } },
});
