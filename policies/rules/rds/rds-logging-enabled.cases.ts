import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "all logs exported": { "engine": "mysql", "enabledCloudwatchLogsExports": ["audit", "error", "general", "slowquery"] } },
  violating: { "no exports": { "engine": "mysql" }, "one missing": { "engine": "mysql", "enabledCloudwatchLogsExports": ["error", "general", "slowquery"] } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "mysql", "enabledCloudwatchLogsExports": UNKNOWN } },
});
