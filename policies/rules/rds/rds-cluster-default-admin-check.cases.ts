import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/cluster:Cluster", {
  compliant: { "masterUsername dbowner": { "masterUsername": "dbowner" }, "masterUsername unset": {  } },
  violating: { "masterUsername admin": { "masterUsername": "admin" } },
  unknown: { "masterUsername unknown": { "masterUsername": UNKNOWN } },
});
