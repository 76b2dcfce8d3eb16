import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "aurora-mysql", "enabledCloudwatchLogsExports": ["audit"] } },
  violating: { "no exports": { "engine": "aurora-mysql" } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "aurora-mysql", "enabledCloudwatchLogsExports": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "all logs exported": "COMPLIANT",
  "no exports": "NON_COMPLIANT",
  "another engine": "NOT_APPLICABLE",
});
