import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "published after another log type": { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }, { logType: "AUDIT_LOGS", enabled: true, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] }, "published": { "logPublishingOptions": [{ "logType": "AUDIT_LOGS", "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  violating: { "another log type only": { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] }, "no log publishing": {  }, "disabled": { "logPublishingOptions": [{ "logType": "AUDIT_LOGS", "enabled": false, "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  unknown: {
    "options unknown": { "logPublishingOptions": UNKNOWN },
    "an option unknown": { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }, UNKNOWN] },
    "an option's log type unknown": { logPublishingOptions: [{ logType: UNKNOWN, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] },
    "an option's switch unknown": { logPublishingOptions: [{ logType: "AUDIT_LOGS", enabled: UNKNOWN, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] },
  },
});
