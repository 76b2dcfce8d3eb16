// opensearch-audit-logging-enabled: OpenSearch domains publish audit logs to CloudWatch Logs. (FSBP OpenSearch.5)
import { publishesLogs, settingRule } from "../../judge";
import { UNKNOWN } from "../../model";

export default settingRule("opensearch-audit-logging-enabled", (p) => {
  const published = publishesLogs(p.logPublishingOptions, "AUDIT_LOGS");
  return published === UNKNOWN ? UNKNOWN : published ? undefined : "does not publish audit logs to CloudWatch Logs: add logPublishingOptions for AUDIT_LOGS";
});
