import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:elasticsearch/domain:Domain", {
  compliant: { "published after another log type": { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }, { logType: "ES_APPLICATION_LOGS", enabled: true, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] }, "published": { "logPublishingOptions": [{ "logType": "ES_APPLICATION_LOGS", "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  violating: { "another log type only": { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] }, "no log publishing": {  }, "disabled": { "logPublishingOptions": [{ "logType": "ES_APPLICATION_LOGS", "enabled": false, "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  unknown: {
    "options unknown": { "logPublishingOptions": UNKNOWN },
    "an option unknown": { logPublishingOptions: [{ logType: "INDEX_SLOW_LOGS", cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }, UNKNOWN] },
    "an option's log type unknown": { logPublishingOptions: [{ logType: UNKNOWN, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] },
    "an option's switch unknown": { logPublishingOptions: [{ logType: "ES_APPLICATION_LOGS", enabled: UNKNOWN, cloudwatchLogGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:os" }] },
  },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "published": "COMPLIANT",
  "published after another log type": "COMPLIANT",
  "another log type only": "NON_COMPLIANT",
  "no log publishing": "NON_COMPLIANT",
  "disabled": "NON_COMPLIANT",
});
