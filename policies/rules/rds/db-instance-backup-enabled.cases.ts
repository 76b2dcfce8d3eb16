import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "backupRetentionPeriod 1": { "backupRetentionPeriod": 1 }, "backupRetentionPeriod unset (AWS default 1)": {  } },
  violating: { "backupRetentionPeriod 0": { "backupRetentionPeriod": 0 } },
  notApplicable: { "read replica": { "replicateSourceDb": "primary", "backupRetentionPeriod": 0 } },
  unknown: { "backupRetentionPeriod unknown": { "backupRetentionPeriod": UNKNOWN } },
});
