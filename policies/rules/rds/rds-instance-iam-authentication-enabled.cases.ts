import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "iamDatabaseAuthenticationEnabled true": { "engine": "postgres", "iamDatabaseAuthenticationEnabled": true } },
  violating: { "iamDatabaseAuthenticationEnabled false": { "engine": "postgres", "iamDatabaseAuthenticationEnabled": false }, "iamDatabaseAuthenticationEnabled unset (AWS default false)": { "engine": "postgres" } },
  notApplicable: { "SQL Server (no IAM authentication)": { "engine": "sqlserver-se" } },
  unknown: { "iamDatabaseAuthenticationEnabled unknown": { "engine": "postgres", "iamDatabaseAuthenticationEnabled": UNKNOWN } },
});
