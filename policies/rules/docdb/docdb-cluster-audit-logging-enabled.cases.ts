import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:docdb/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "docdb", "enabledCloudwatchLogsExports": ["audit"] } },
  violating: { "no exports": { "engine": "docdb" } },
  unknown: { "exports unknown": { "engine": "docdb", "enabledCloudwatchLogsExports": UNKNOWN } },
});
