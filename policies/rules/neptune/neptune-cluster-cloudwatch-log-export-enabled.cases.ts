import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:neptune/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "neptune", "enableCloudwatchLogsExports": ["audit"] } },
  violating: { "no exports": { "engine": "neptune" } },
  unknown: { "exports unknown": { "engine": "neptune", "enableCloudwatchLogsExports": UNKNOWN } },
});
