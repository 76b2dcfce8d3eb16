import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elasticache/cluster:Cluster", {
  compliant: { "snapshotRetentionLimit 1": { "snapshotRetentionLimit": 1 } },
  violating: { "snapshotRetentionLimit 0": { "snapshotRetentionLimit": 0 }, "snapshotRetentionLimit unset (AWS default 0)": {  } },
  notApplicable: { "Memcached cluster (no backups)": { "engine": "memcached" } },
  unknown: { "snapshotRetentionLimit unknown": { "snapshotRetentionLimit": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "snapshotRetentionLimit 1": "COMPLIANT",
  "snapshotRetentionLimit 0": "NON_COMPLIANT",
  "snapshotRetentionLimit unset (AWS default 0)": "NON_COMPLIANT",
  "Memcached cluster (no backups)": "NOT_APPLICABLE",
});
