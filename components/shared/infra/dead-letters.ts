import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** A service that delivers the events it could not deliver to a dead-letter queue, for one source (topic, rule). */
export interface DeadLetterSource {
  /** `events.amazonaws.com` (EventBridge targets) or `sns.amazonaws.com` (subscription redrive). */
  readonly service: string;
  readonly sourceArn: pulumi.Input<string>;
}

/** A KMS-encrypted queue that keeps undeliverable or failed events for the longest time SQS allows (14 days). */
export function deadLetterQueue(name: string, kmsKeyArn: pulumi.Input<string>, opts: pulumi.CustomResourceOptions): aws.sqs.Queue {
  return new aws.sqs.Queue(name, { kmsMasterKeyId: kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300, messageRetentionSeconds: 1_209_600 }, opts);
}

/**
 * The policy of a dead-letter queue: requests without TLS are refused, and each source may deliver its own failed
 * events, nothing else. The list is read once the current synchronous construction has finished, so a component
 * may register sources after creating the policy (ResponderFunction's subscribe and trigger do).
 */
export function deadLetterQueuePolicy(
  name: string,
  queue: aws.sqs.Queue,
  sources: readonly DeadLetterSource[],
  opts: pulumi.CustomResourceOptions,
): aws.sqs.QueuePolicy {
  const resolved = pulumi.output(Promise.resolve(true)).apply(() => pulumi.all(sources.map((s) => pulumi.all([s.service, s.sourceArn]))));
  return new aws.sqs.QueuePolicy(
    name,
    {
      queueUrl: queue.url,
      policy: pulumi.all([queue.arn, resolved]).apply(([queueArn, list]) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "DenyWithoutTls", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: queueArn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ...[...new Set(list.map(([service]) => service))].sort().map((service) => ({
              Sid: `DeadLettersFrom${service.split(".")[0].toUpperCase()}`,
              Effect: "Allow",
              Principal: { Service: service },
              Action: "sqs:SendMessage",
              Resource: queueArn,
              Condition: { ArnEquals: { "aws:SourceArn": list.filter(([s]) => s === service).map(([, arn]) => arn).sort() } },
            })),
          ],
        }),
      ),
    },
    opts,
  );
}
