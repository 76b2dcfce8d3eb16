// codebuild-project-logging-enabled: CodeBuild projects log to CloudWatch Logs or S3. (FSBP CodeBuild.4)
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("codebuild-project-logging-enabled", (p) => {
  const cw = at(p, "logsConfig.cloudwatchLogs.status"), s3 = at(p, "logsConfig.s3Logs.status");
  if (isUnknown(cw) || isUnknown(s3)) return UNKNOWN;
  return (cw ?? "ENABLED") === "ENABLED" || s3 === "ENABLED" ? undefined : "has no build logs: enable logsConfig.cloudwatchLogs or logsConfig.s3Logs";
});
