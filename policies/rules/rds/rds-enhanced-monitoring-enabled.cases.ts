import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/instance:Instance", {
  compliant: { "monitoringInterval 1": { "monitoringInterval": 1 } },
  violating: { "monitoringInterval 0": { "monitoringInterval": 0 }, "monitoringInterval unset (AWS default 0)": {  } },
  unknown: { "monitoringInterval unknown": { "monitoringInterval": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "monitoringInterval 1": "COMPLIANT",
  "monitoringInterval 0": "NON_COMPLIANT",
  "monitoringInterval unset (AWS default 0)": "NON_COMPLIANT",
});
