import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "aurora-postgresql", "enabledCloudwatchLogsExports": ["postgresql"] } },
  violating: { "no exports": { "engine": "aurora-postgresql" } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "aurora-postgresql", "enabledCloudwatchLogsExports": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "all logs exported": "COMPLIANT",
  "no exports": "NON_COMPLIANT",
  "another engine": "NOT_APPLICABLE",
});
