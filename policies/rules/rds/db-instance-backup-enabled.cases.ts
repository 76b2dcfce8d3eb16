import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/instance:Instance", {
  compliant: { "backupRetentionPeriod 1": { "backupRetentionPeriod": 1 }, "backupRetentionPeriod unset (AWS default 1)": {  } },
  violating: { "backupRetentionPeriod 0": { "backupRetentionPeriod": 0 } },
  notApplicable: { "read replica": { "replicateSourceDb": "primary", "backupRetentionPeriod": 0 } },
  unknown: { "backupRetentionPeriod unknown": { "backupRetentionPeriod": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "backupRetentionPeriod 1": "COMPLIANT",
  "backupRetentionPeriod unset (AWS default 1)": "COMPLIANT",
  "backupRetentionPeriod 0": "NON_COMPLIANT",
  "read replica": "NOT_APPLICABLE",
});
