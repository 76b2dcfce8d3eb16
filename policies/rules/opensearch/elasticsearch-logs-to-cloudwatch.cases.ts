import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "published": { "logPublishingOptions": [{ "logType": "ES_APPLICATION_LOGS", "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  violating: { "no log publishing": {  }, "disabled": { "logPublishingOptions": [{ "logType": "ES_APPLICATION_LOGS", "enabled": false, "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  unknown: { "options unknown": { "logPublishingOptions": UNKNOWN } },
});
