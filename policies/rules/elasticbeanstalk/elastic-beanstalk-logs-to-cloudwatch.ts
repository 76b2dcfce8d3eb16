// elastic-beanstalk-logs-to-cloudwatch: Elastic Beanstalk environments stream their logs to CloudWatch Logs. (FSBP ElasticBeanstalk.3)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("elastic-beanstalk-logs-to-cloudwatch", (p) => {
  if (isUnknown(p.settings)) return UNKNOWN;
  const setting = asArray(p.settings).find((s) => s?.namespace === "aws:elasticbeanstalk:cloudwatch:logs" && s?.name === "StreamLogs");
  if (isUnknown(setting?.value)) return UNKNOWN;
  return String(setting?.value).toLowerCase() === "true" ? undefined : "does not stream logs to CloudWatch Logs: set aws:elasticbeanstalk:cloudwatch:logs StreamLogs true";
});
