import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:docdb/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "docdb", "enabledCloudwatchLogsExports": ["audit"] } },
  violating: { "no exports": { "engine": "docdb" } },
  unknown: { "exports unknown": { "engine": "docdb", "enabledCloudwatchLogsExports": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "all logs exported": "COMPLIANT",
  "no exports": "NON_COMPLIANT",
});
