import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "three nodes across zones": { "clusterConfig": { "instanceCount": 3, "zoneAwarenessEnabled": true } } },
  violating: { "default (one node)": {  }, "three nodes, one zone": { "clusterConfig": { "instanceCount": 3 } } },
  unknown: { "count unknown": { "clusterConfig": { "instanceCount": UNKNOWN, "zoneAwarenessEnabled": true } } },
});
