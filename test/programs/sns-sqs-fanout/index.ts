// SNS developer guide, "Fanout to Amazon SQS queues": one topic, two subscribed queues, each queue's policy allowing
// the topic to send to it (aws:SourceArn condition). Topic and queues use KMS keys / SQS-managed encryption.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const key = new aws.kms.Key("orders-events", { enableKeyRotation: true, description: "order events" });
const topic = new aws.sns.Topic("order-events", { kmsMasterKeyId: key.id });

for (const name of ["billing", "shipping"]) {
  const queue = new aws.sqs.Queue(`${name}-queue`, { sqsManagedSseEnabled: true, visibilityTimeoutSeconds: 60 });
  new aws.sqs.QueuePolicy(`${name}-queue-policy`, {
    queueUrl: queue.url,
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queue.arn, Condition: { ArnEquals: { "aws:SourceArn": topic.arn } } }],
    }),
  });
  new aws.sns.TopicSubscription(`${name}-subscription`, { topic: topic.arn, protocol: "sqs", endpoint: queue.arn, rawMessageDelivery: true });
}

export const topicArn = topic.arn;
