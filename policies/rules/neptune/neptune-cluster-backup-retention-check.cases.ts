import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:neptune/cluster:Cluster", {
  compliant: { "backupRetentionPeriod 7": { "backupRetentionPeriod": 7 } },
  violating: { "backupRetentionPeriod 6": { "backupRetentionPeriod": 6 }, "backupRetentionPeriod unset (AWS default 1)": {  } },
  unknown: { "backupRetentionPeriod unknown": { "backupRetentionPeriod": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "backupRetentionPeriod 7": "COMPLIANT",
  "backupRetentionPeriod 6": "NON_COMPLIANT",
  "backupRetentionPeriod unset (AWS default 1)": "NON_COMPLIANT",
});
