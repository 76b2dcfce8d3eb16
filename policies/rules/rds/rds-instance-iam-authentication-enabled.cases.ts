import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:rds/instance:Instance", {
  compliant: { "iamDatabaseAuthenticationEnabled true": { "engine": "postgres", "iamDatabaseAuthenticationEnabled": true }, "engine unknown at preview, iamDatabaseAuthenticationEnabled true": { "engine": UNKNOWN, "iamDatabaseAuthenticationEnabled": true } },
  violating: { "iamDatabaseAuthenticationEnabled false": { "engine": "postgres", "iamDatabaseAuthenticationEnabled": false }, "iamDatabaseAuthenticationEnabled unset (AWS default false)": { "engine": "postgres" } },
  notApplicable: { "SQL Server (no IAM authentication)": { "engine": "sqlserver-se" } },
  unknown: { "iamDatabaseAuthenticationEnabled unknown": { "engine": "postgres", "iamDatabaseAuthenticationEnabled": UNKNOWN }, "engine unknown at preview (it may take IAM authentication), unset": { "engine": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "iamDatabaseAuthenticationEnabled true": "COMPLIANT",
  "iamDatabaseAuthenticationEnabled false": "NON_COMPLIANT",
  "iamDatabaseAuthenticationEnabled unset (AWS default false)": "NON_COMPLIANT",
  "SQL Server (no IAM authentication)": "NOT_APPLICABLE",
});
