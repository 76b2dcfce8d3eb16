import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/instance:Instance", {
  compliant: { "all logs exported": { "engine": "postgres", "enabledCloudwatchLogsExports": ["postgresql"] } },
  violating: { "no exports": { "engine": "postgres" } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "postgres", "enabledCloudwatchLogsExports": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "all logs exported": "COMPLIANT",
  "no exports": "NON_COMPLIANT",
  "another engine": "NOT_APPLICABLE",
});
