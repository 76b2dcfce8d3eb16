import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:docdb/cluster:Cluster", {
  compliant: { "backupRetentionPeriod 7": { "backupRetentionPeriod": 7 } },
  violating: { "backupRetentionPeriod 6": { "backupRetentionPeriod": 6 }, "backupRetentionPeriod unset (AWS default 1)": {  } },
  unknown: { "backupRetentionPeriod unknown": { "backupRetentionPeriod": UNKNOWN } },
});
