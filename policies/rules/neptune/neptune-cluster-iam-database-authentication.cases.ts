import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:neptune/cluster:Cluster", {
  compliant: { "iamDatabaseAuthenticationEnabled true": { "iamDatabaseAuthenticationEnabled": true } },
  violating: { "iamDatabaseAuthenticationEnabled false": { "iamDatabaseAuthenticationEnabled": false }, "iamDatabaseAuthenticationEnabled unset (AWS default false)": {  } },
  unknown: { "iamDatabaseAuthenticationEnabled unknown": { "iamDatabaseAuthenticationEnabled": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "iamDatabaseAuthenticationEnabled true": "COMPLIANT",
  "iamDatabaseAuthenticationEnabled false": "NON_COMPLIANT",
  "iamDatabaseAuthenticationEnabled unset (AWS default false)": "NON_COMPLIANT",
});
