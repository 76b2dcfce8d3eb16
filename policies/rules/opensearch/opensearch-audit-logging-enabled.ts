// opensearch-audit-logging-enabled: OpenSearch domains publish audit logs to CloudWatch Logs. (FSBP OpenSearch.5)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("opensearch-audit-logging-enabled", (p) => {
  if (isUnknown(p.logPublishingOptions) || asArray(p.logPublishingOptions).some((o) => isUnknown(o) || isUnknown(o?.logType) || isUnknown(o?.enabled))) return UNKNOWN;
  return asArray(p.logPublishingOptions).some((o) => o?.logType === "AUDIT_LOGS" && o.enabled !== false && o.cloudwatchLogGroupArn) ? undefined : "does not publish audit logs to CloudWatch Logs: add logPublishingOptions for AUDIT_LOGS";
});
