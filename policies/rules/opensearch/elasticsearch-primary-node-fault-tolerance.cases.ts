import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "three masters": { "clusterConfig": { "dedicatedMasterEnabled": true, "dedicatedMasterCount": 3 } } },
  violating: { "no dedicated masters": {  } },
  unknown: { "count unknown": { "clusterConfig": { "dedicatedMasterEnabled": true, "dedicatedMasterCount": UNKNOWN } } },
});
