import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "automatedSnapshotRetentionPeriod 1": { "automatedSnapshotRetentionPeriod": 1 }, "automatedSnapshotRetentionPeriod unset (AWS default 1)": {  } },
  violating: { "automatedSnapshotRetentionPeriod 0": { "automatedSnapshotRetentionPeriod": 0 } },
  unknown: { "automatedSnapshotRetentionPeriod unknown": { "automatedSnapshotRetentionPeriod": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "automatedSnapshotRetentionPeriod 1": "COMPLIANT",
  "automatedSnapshotRetentionPeriod unset (AWS default 1)": "COMPLIANT",
  "automatedSnapshotRetentionPeriod 0": "NON_COMPLIANT",
});
