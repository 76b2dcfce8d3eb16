import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticache/cluster:Cluster", {
  compliant: { "snapshotRetentionLimit 1": { "snapshotRetentionLimit": 1 } },
  violating: { "snapshotRetentionLimit 0": { "snapshotRetentionLimit": 0 }, "snapshotRetentionLimit unset (AWS default 0)": {  } },
  notApplicable: { "Memcached cluster (no backups)": { "engine": "memcached" } },
  unknown: { "snapshotRetentionLimit unknown": { "snapshotRetentionLimit": UNKNOWN } },
});
