import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/cluster:Cluster", {
  compliant: { "all logs exported": { "engine": "aurora-postgresql", "enabledCloudwatchLogsExports": ["postgresql"] } },
  violating: { "no exports": { "engine": "aurora-postgresql" } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "aurora-postgresql", "enabledCloudwatchLogsExports": UNKNOWN } },
});
