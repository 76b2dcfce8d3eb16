// elasticsearch-logs-to-cloudwatch: Elasticsearch domains publish error logs to CloudWatch Logs. (FSBP ES.4)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("elasticsearch-logs-to-cloudwatch", (p) => {
  if (isUnknown(p.logPublishingOptions) || asArray(p.logPublishingOptions).some((o) => isUnknown(o) || isUnknown(o?.logType) || isUnknown(o?.enabled))) return UNKNOWN;
  return asArray(p.logPublishingOptions).some((o) => o?.logType === "ES_APPLICATION_LOGS" && o.enabled !== false && o.cloudwatchLogGroupArn) ? undefined : "does not publish error logs to CloudWatch Logs: add logPublishingOptions for ES_APPLICATION_LOGS";
});
