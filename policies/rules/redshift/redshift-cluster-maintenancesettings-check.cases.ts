import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:redshift/cluster:Cluster", {
  compliant: { "allowVersionUpgrade true": { "allowVersionUpgrade": true }, "allowVersionUpgrade unset (AWS default true)": {  } },
  violating: { "allowVersionUpgrade false": { "allowVersionUpgrade": false } },
  unknown: { "allowVersionUpgrade unknown": { "allowVersionUpgrade": UNKNOWN } },
});
