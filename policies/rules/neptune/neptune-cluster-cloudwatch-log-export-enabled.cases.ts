import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:neptune/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "neptune", "enableCloudwatchLogsExports": ["audit"] } },
  violating: { "no exports": { "engine": "neptune" } },
  unknown: { "exports unknown": { "engine": "neptune", "enableCloudwatchLogsExports": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "all logs exported": "COMPLIANT",
  "no exports": "NON_COMPLIANT",
});
