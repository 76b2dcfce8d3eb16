// opensearch-logs-to-cloudwatch: OpenSearch domains publish error logs to CloudWatch Logs. (FSBP OpenSearch.4)
import { publishesLogs, settingRule } from "../../judge";
import { UNKNOWN } from "../../model";

export default settingRule("opensearch-logs-to-cloudwatch", (p) => {
  const published = publishesLogs(p.logPublishingOptions, "ES_APPLICATION_LOGS");
  return published === UNKNOWN ? UNKNOWN : published ? undefined : "does not publish error logs to CloudWatch Logs: add logPublishingOptions for ES_APPLICATION_LOGS";
});
