// CloudWatch Logs user guide ("Creating metric filters") and the CIS AWS Foundations monitoring controls: a log group
// receiving CloudTrail events elsewhere, a metric filter for unauthorized API calls, an alarm, an email subscription.
import * as aws from "@pulumi/aws";

const key = new aws.kms.Key("alerts-key", { enableKeyRotation: true });
const topic = new aws.sns.Topic("security-alerts", { kmsMasterKeyId: key.arn });
new aws.sns.TopicSubscription("security-alerts-email", { topic: topic.arn, protocol: "email", endpoint: "secops@example.com" });

const logGroup = new aws.cloudwatch.LogGroup("cloudtrail-events", { retentionInDays: 400, kmsKeyId: key.arn });

new aws.cloudwatch.LogMetricFilter("unauthorized-api-calls", {
  logGroupName: logGroup.name,
  pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  metricTransformation: { name: "UnauthorizedAPICalls", namespace: "CISBenchmark", value: "1" },
});

new aws.cloudwatch.MetricAlarm("unauthorized-api-calls", {
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  evaluationPeriods: 1,
  metricName: "UnauthorizedAPICalls",
  namespace: "CISBenchmark",
  period: 300,
  statistic: "Sum",
  threshold: 1,
  alarmActions: [topic.arn],
});
