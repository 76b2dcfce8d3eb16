// rds-aurora-postgresql-logs-to-cloudwatch: Aurora PostgreSQL clusters publish their logs to CloudWatch Logs. (FSBP RDS.37)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("rds-aurora-postgresql-logs-to-cloudwatch", (p) => {
  if (isUnknown(p.engine)) return UNKNOWN;
  if (!["aurora-postgresql"].includes(p.engine ?? "aurora-postgresql")) return undefined;
  if (isUnknown(p.enabledCloudwatchLogsExports) || asArray(p.enabledCloudwatchLogsExports).some(isUnknown)) return UNKNOWN;
  const missing = ["postgresql"].filter((t) => !asArray(p.enabledCloudwatchLogsExports).includes(t));
  return missing.length ? `does not publish ${missing.join(", ")} logs to CloudWatch Logs: add them to enabledCloudwatchLogsExports` : undefined;
});
