import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:opensearch/domain:Domain", {
  compliant: { "published": { "logPublishingOptions": [{ "logType": "AUDIT_LOGS", "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  violating: { "no log publishing": {  }, "disabled": { "logPublishingOptions": [{ "logType": "AUDIT_LOGS", "enabled": false, "cloudwatchLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:os" }] } },
  unknown: { "options unknown": { "logPublishingOptions": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "published": "COMPLIANT",
  "no log publishing": "NON_COMPLIANT",
  "disabled": "NON_COMPLIANT",
});
