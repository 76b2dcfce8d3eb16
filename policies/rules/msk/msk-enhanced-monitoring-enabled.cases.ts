import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:msk/cluster:Cluster", {
  compliant: { "enhancedMonitoring PER_BROKER": { "enhancedMonitoring": "PER_BROKER" } },
  violating: { "enhancedMonitoring DEFAULT": { "enhancedMonitoring": "DEFAULT" }, "enhancedMonitoring unset (AWS default DEFAULT)": {  } },
  unknown: { "enhancedMonitoring unknown": { "enhancedMonitoring": UNKNOWN } },
});
