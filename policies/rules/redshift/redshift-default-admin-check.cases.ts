import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "masterUsername dwowner": { "masterUsername": "dwowner" }, "masterUsername unset": {  } },
  violating: { "masterUsername awsuser": { "masterUsername": "awsuser" } },
  unknown: { "masterUsername unknown": { "masterUsername": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "masterUsername dwowner": "COMPLIANT",
  "masterUsername unset": "COMPLIANT",
  "masterUsername awsuser": "NON_COMPLIANT",
});
