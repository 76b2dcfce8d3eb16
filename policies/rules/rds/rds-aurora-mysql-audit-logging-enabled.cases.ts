import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "aurora-mysql", "enabledCloudwatchLogsExports": ["audit"] } },
  violating: { "no exports": { "engine": "aurora-mysql" } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "aurora-mysql", "enabledCloudwatchLogsExports": UNKNOWN } },
});
