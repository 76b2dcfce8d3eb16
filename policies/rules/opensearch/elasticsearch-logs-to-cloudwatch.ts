// elasticsearch-logs-to-cloudwatch: Elasticsearch domains publish error logs to CloudWatch Logs. (FSBP ES.4)
import { publishesLogs, settingRule } from "../../judge";
import { UNKNOWN } from "../../model";

export default settingRule("elasticsearch-logs-to-cloudwatch", (p) => {
  const published = publishesLogs(p.logPublishingOptions, "ES_APPLICATION_LOGS");
  return published === UNKNOWN ? UNKNOWN : published ? undefined : "does not publish error logs to CloudWatch Logs: add logPublishingOptions for ES_APPLICATION_LOGS";
});
