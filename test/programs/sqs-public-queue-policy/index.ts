// Amazon SQS developer guide, "Basic examples of Amazon SQS policies": a queue that any principal may send to (the
// pattern the guide warns about), with a dead-letter queue; neither queue is encrypted with KMS.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const dlq = new aws.sqs.Queue("webhooks-dlq", { messageRetentionSeconds: 1209600, sqsManagedSseEnabled: false });
const queue = new aws.sqs.Queue("webhooks", {
  sqsManagedSseEnabled: false,
  redrivePolicy: dlq.arn.apply((arn) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 5 })),
});
new aws.sqs.QueuePolicy("webhooks-policy", {
  queueUrl: queue.url,
  policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: queue.arn }] }),
});
