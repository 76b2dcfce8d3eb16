// docdb-cluster-audit-logging-enabled: DocumentDB clusters publish audit logs to CloudWatch Logs. (FSBP DocumentDB.4)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("docdb-cluster-audit-logging-enabled", (p) => {
  if (isUnknown(p.engine)) return UNKNOWN;
  if (!["docdb"].includes(p.engine ?? "docdb")) return undefined;
  if (isUnknown(p.enabledCloudwatchLogsExports) || asArray(p.enabledCloudwatchLogsExports).some(isUnknown)) return UNKNOWN;
  const missing = ["audit"].filter((t) => !asArray(p.enabledCloudwatchLogsExports).includes(t));
  return missing.length ? `does not publish ${missing.join(", ")} logs to CloudWatch Logs: add them to enabledCloudwatchLogsExports` : undefined;
});
