import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:neptune/cluster:Cluster", {
  compliant: { "deletionProtection true": { "deletionProtection": true } },
  violating: { "deletionProtection false": { "deletionProtection": false }, "deletionProtection unset (AWS default false)": {  } },
  unknown: { "deletionProtection unknown": { "deletionProtection": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "deletionProtection true": "COMPLIANT",
  "deletionProtection false": "NON_COMPLIANT",
  "deletionProtection unset (AWS default false)": "NON_COMPLIANT",
});
