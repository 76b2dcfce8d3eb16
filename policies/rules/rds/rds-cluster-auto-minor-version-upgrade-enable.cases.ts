import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/cluster:Cluster", {
  compliant: { "autoMinorVersionUpgrade true": { "autoMinorVersionUpgrade": true }, "autoMinorVersionUpgrade unset (AWS default true)": {  } },
  violating: { "autoMinorVersionUpgrade false": { "autoMinorVersionUpgrade": false } },
  unknown: { "autoMinorVersionUpgrade unknown": { "autoMinorVersionUpgrade": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "autoMinorVersionUpgrade true": "COMPLIANT",
  "autoMinorVersionUpgrade unset (AWS default true)": "COMPLIANT",
  "autoMinorVersionUpgrade false": "NON_COMPLIANT",
});
