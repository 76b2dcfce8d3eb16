import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "databaseName sales": { "databaseName": "sales" } },
  violating: { "databaseName dev": { "databaseName": "dev" }, "databaseName unset (AWS default dev)": {  } },
  unknown: { "databaseName unknown": { "databaseName": UNKNOWN } },
});
