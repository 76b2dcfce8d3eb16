import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "masterUsername dwowner": { "masterUsername": "dwowner" }, "masterUsername unset": {  } },
  violating: { "masterUsername awsuser": { "masterUsername": "awsuser" } },
  unknown: { "masterUsername unknown": { "masterUsername": UNKNOWN } },
});
