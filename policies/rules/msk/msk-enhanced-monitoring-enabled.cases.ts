import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:msk/cluster:Cluster", {
  compliant: { "enhancedMonitoring PER_BROKER": { "enhancedMonitoring": "PER_BROKER" } },
  violating: { "enhancedMonitoring DEFAULT": { "enhancedMonitoring": "DEFAULT" }, "enhancedMonitoring unset (AWS default DEFAULT)": {  } },
  unknown: { "enhancedMonitoring unknown": { "enhancedMonitoring": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "enhancedMonitoring PER_BROKER": "COMPLIANT",
  "enhancedMonitoring DEFAULT": "NON_COMPLIANT",
  "enhancedMonitoring unset (AWS default DEFAULT)": "NON_COMPLIANT",
});
