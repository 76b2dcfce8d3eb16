import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "databaseName sales": { "databaseName": "sales" } },
  violating: { "databaseName dev": { "databaseName": "dev" }, "databaseName unset (AWS default dev)": {  } },
  unknown: { "databaseName unknown": { "databaseName": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "databaseName sales": "COMPLIANT",
  "databaseName dev": "NON_COMPLIANT",
  "databaseName unset (AWS default dev)": "NON_COMPLIANT",
});
