import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface QueueBacklogAlarmArgs {
  /** What waiting messages mean, shown in the alarm and its notification. */
  readonly description: string;
  readonly queueName: pulumi.Input<string>;
  /** Topic notified when messages wait in the queue. */
  readonly topicArn?: pulumi.Input<string>;
  /** Also notify when the queue is empty again. */
  readonly notifyWhenCleared?: boolean;
}

/** An alarm that fires as soon as one message waits in a queue of things that failed: nothing fails unnoticed. */
export function queueBacklogAlarm(name: string, args: QueueBacklogAlarmArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm {
  const topics = args.topicArn !== undefined ? [args.topicArn] : [];
  return new aws.cloudwatch.MetricAlarm(
    name,
    {
      alarmDescription: args.description,
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: args.queueName },
      statistic: "Maximum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
      alarmActions: topics,
      ...(args.notifyWhenCleared ? { okActions: topics } : {}),
    },
    opts,
  );
}
