import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/instance:Instance", {
  compliant: { "all logs exported": { "engine": "mysql", "enabledCloudwatchLogsExports": ["audit", "error", "general", "slowquery"] } },
  violating: { "no exports": { "engine": "mysql" }, "one missing": { "engine": "mysql", "enabledCloudwatchLogsExports": ["error", "general", "slowquery"] } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "mysql", "enabledCloudwatchLogsExports": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "all logs exported": "COMPLIANT",
  "no exports": "NON_COMPLIANT",
  "one missing": "NON_COMPLIANT",
  "another engine": { awsConfig: "NON_COMPLIANT", why: "The pack judges MySQL and MariaDB instances only (FSBP RDS.9's MySQL log types); the Config rule requires each engine's own log types, SQL Server's error and agent logs among them, so it flags this instance exporting none." },
});
