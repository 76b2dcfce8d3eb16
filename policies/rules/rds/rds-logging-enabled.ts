// rds-logging-enabled: RDS for MySQL and MariaDB instances publish their audit, error, general and slow query logs to CloudWatch Logs. (FSBP RDS.9)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("rds-logging-enabled", (p) => {
  if (isUnknown(p.engine)) return UNKNOWN;
  if (!["mysql","mariadb"].includes(p.engine ?? "mysql")) return undefined;
  if (isUnknown(p.enabledCloudwatchLogsExports) || asArray(p.enabledCloudwatchLogsExports).some(isUnknown)) return UNKNOWN;
  const missing = ["audit","error","general","slowquery"].filter((t) => !asArray(p.enabledCloudwatchLogsExports).includes(t));
  return missing.length ? `does not publish ${missing.join(", ")} logs to CloudWatch Logs: add them to enabledCloudwatchLogsExports` : undefined;
});
