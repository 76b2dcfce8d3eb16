import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:waf/webAcl:WebAcl", {
  compliant: { "loggingConfiguration.logDestination set": { "name": "n", "metricName": "m", "loggingConfiguration": { "logDestination": "arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-x" } } },
  violating: { "loggingConfiguration.logDestination unset": { "name": "n", "metricName": "m" } },
  unknown: { "loggingConfiguration.logDestination unknown": { "name": "n", "metricName": "m", "loggingConfiguration": { "logDestination": UNKNOWN } } },
});
