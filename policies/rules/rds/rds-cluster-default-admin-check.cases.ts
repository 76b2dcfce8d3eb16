import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/cluster:Cluster", {
  compliant: { "masterUsername dbowner": { "masterUsername": "dbowner" }, "masterUsername unset": {  } },
  violating: { "masterUsername admin": { "masterUsername": "admin" } },
  unknown: { "masterUsername unknown": { "masterUsername": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "masterUsername dbowner": "COMPLIANT",
  "masterUsername unset": "COMPLIANT",
  "masterUsername admin": "NON_COMPLIANT",
});
