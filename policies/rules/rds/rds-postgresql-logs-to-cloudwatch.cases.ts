import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:rds/instance:Instance", {
  compliant: { "all logs exported": { "engine": "postgres", "enabledCloudwatchLogsExports": ["postgresql"] } },
  violating: { "no exports": { "engine": "postgres" } },
  notApplicable: { "another engine": { "engine": "sqlserver-ex" } },
  unknown: { "exports unknown": { "engine": "postgres", "enabledCloudwatchLogsExports": UNKNOWN } },
});
