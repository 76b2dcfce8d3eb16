import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:waf/webAcl:WebAcl", {
  compliant: { "loggingConfiguration.logDestination set": { "name": "n", "metricName": "m", "loggingConfiguration": { "logDestination": "arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-x" } } },
  violating: { "loggingConfiguration.logDestination unset": { "name": "n", "metricName": "m" } },
  unknown: { "loggingConfiguration.logDestination unknown": { "name": "n", "metricName": "m", "loggingConfiguration": { "logDestination": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "loggingConfiguration.logDestination set": "COMPLIANT",
  "loggingConfiguration.logDestination unset": "NON_COMPLIANT",
});
