// elasticsearch-audit-logging-enabled: Elasticsearch domains publish audit logs to CloudWatch Logs. (FSBP ES.5)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("elasticsearch-audit-logging-enabled", (p) => {
  if (isUnknown(p.logPublishingOptions) || asArray(p.logPublishingOptions).some((o) => isUnknown(o) || isUnknown(o?.logType) || isUnknown(o?.enabled))) return UNKNOWN;
  return asArray(p.logPublishingOptions).some((o) => o?.logType === "AUDIT_LOGS" && o.enabled !== false && o.cloudwatchLogGroupArn) ? undefined : "does not publish audit logs to CloudWatch Logs: add logPublishingOptions for AUDIT_LOGS";
});
