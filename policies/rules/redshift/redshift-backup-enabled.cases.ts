import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "automatedSnapshotRetentionPeriod 1": { "automatedSnapshotRetentionPeriod": 1 }, "automatedSnapshotRetentionPeriod unset (AWS default 1)": {  } },
  violating: { "automatedSnapshotRetentionPeriod 0": { "automatedSnapshotRetentionPeriod": 0 } },
  unknown: { "automatedSnapshotRetentionPeriod unknown": { "automatedSnapshotRetentionPeriod": UNKNOWN } },
});
