import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:codebuild/project:Project", {
  compliant: { "default CloudWatch logs": {  }, "S3 only": { "logsConfig": { "cloudwatchLogs": { "status": "DISABLED" }, "s3Logs": { "status": "ENABLED", "location": "b/logs" } } } },
  violating: { "both disabled": { "logsConfig": { "cloudwatchLogs": { "status": "DISABLED" } } } },
  unknown: { "status unknown": { "logsConfig": { "cloudwatchLogs": { "status": UNKNOWN } } } },
});
