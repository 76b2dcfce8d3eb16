// rds-aurora-mysql-audit-logging-enabled: Aurora MySQL clusters publish audit logs to CloudWatch Logs. (FSBP RDS.34)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("rds-aurora-mysql-audit-logging-enabled", (p) => {
  if (isUnknown(p.engine)) return UNKNOWN;
  if (!["aurora-mysql"].includes(p.engine ?? "aurora-mysql")) return undefined;
  if (isUnknown(p.enabledCloudwatchLogsExports) || asArray(p.enabledCloudwatchLogsExports).some(isUnknown)) return UNKNOWN;
  const missing = ["audit"].filter((t) => !asArray(p.enabledCloudwatchLogsExports).includes(t));
  return missing.length ? `does not publish ${missing.join(", ")} logs to CloudWatch Logs: add them to enabledCloudwatchLogsExports` : undefined;
});
