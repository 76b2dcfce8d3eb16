// neptune-cluster-cloudwatch-log-export-enabled: Neptune clusters publish audit logs to CloudWatch Logs. (FSBP Neptune.2)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("neptune-cluster-cloudwatch-log-export-enabled", (p) => {
  if (isUnknown(p.engine)) return UNKNOWN;
  if (!["neptune"].includes(p.engine ?? "neptune")) return undefined;
  if (isUnknown(p.enableCloudwatchLogsExports) || asArray(p.enableCloudwatchLogsExports).some(isUnknown)) return UNKNOWN;
  const missing = ["audit"].filter((t) => !asArray(p.enableCloudwatchLogsExports).includes(t));
  return missing.length ? `does not publish ${missing.join(", ")} logs to CloudWatch Logs: add them to enableCloudwatchLogsExports` : undefined;
});
