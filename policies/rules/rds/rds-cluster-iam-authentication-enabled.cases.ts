import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/cluster:Cluster", {
  compliant: { "iamDatabaseAuthenticationEnabled true": { "iamDatabaseAuthenticationEnabled": true } },
  violating: { "iamDatabaseAuthenticationEnabled false": { "iamDatabaseAuthenticationEnabled": false }, "iamDatabaseAuthenticationEnabled unset (AWS default false)": {  } },
  unknown: { "iamDatabaseAuthenticationEnabled unknown": { "iamDatabaseAuthenticationEnabled": UNKNOWN } },
});
