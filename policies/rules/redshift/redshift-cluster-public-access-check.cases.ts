import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "publiclyAccessible false": { "publiclyAccessible": false }, "publiclyAccessible unset (AWS default false)": {  } },
  violating: { "publiclyAccessible true": { "publiclyAccessible": true } },
  unknown: { "publiclyAccessible unknown": { "publiclyAccessible": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "publiclyAccessible false": "COMPLIANT",
  "publiclyAccessible unset (AWS default false)": "COMPLIANT",
  "publiclyAccessible true": "NON_COMPLIANT",
});
