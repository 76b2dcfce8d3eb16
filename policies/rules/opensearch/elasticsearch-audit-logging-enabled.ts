// elasticsearch-audit-logging-enabled: Elasticsearch domains publish audit logs to CloudWatch Logs. (FSBP ES.5)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { publishesLogs, settingRule } from "../../judge";
import { UNKNOWN } from "../../model";

export default settingRule("elasticsearch-audit-logging-enabled", (p) => {
  const published = publishesLogs(p.logPublishingOptions, "AUDIT_LOGS");
  return published === UNKNOWN ? UNKNOWN : published ? undefined : "does not publish audit logs to CloudWatch Logs: add logPublishingOptions for AUDIT_LOGS";
});
