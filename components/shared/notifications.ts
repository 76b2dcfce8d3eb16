import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Statement } from "./iam/policy";
import { stableSuffix } from "./naming";
import { type ListArg, listOutput, type Validator } from "./validation";

/** Where a component reports: its own topic, or an existing one (encrypted with a customer-managed key or not). */
export interface NotificationArgs {
  /** Report to this existing SNS topic instead of creating one. */
  readonly existingTopicArn?: pulumi.Input<string>;
  /** The customer-managed KMS key that encrypts the existing topic: the component's functions are granted its use. */
  readonly existingTopicKmsKeyArn?: pulumi.Input<string>;
  /** Email addresses subscribed to the created topic (each must confirm the subscription). */
  readonly emails?: string[];
}

/** Checks a component's `notifications` args (the topic and key ARNs when known, every email address). */
export function validateNotifications(check: Validator, args: NotificationArgs | undefined): void {
  if (args === undefined) return;
  check.arn("notifications.existingTopicArn", args.existingTopicArn, "sns");
  check.arn("notifications.existingTopicKmsKeyArn", args.existingTopicKmsKeyArn, "kms");
  if (args.existingTopicKmsKeyArn !== undefined && args.existingTopicArn === undefined) check.fail("notifications.existingTopicKmsKeyArn is the key of an existingTopicArn; a created topic has its own key");
  for (const email of args.emails ?? []) check.email("notifications.emails", email);
}

/** A component's report topic and what its functions need to publish to it. */
export interface ReportTopic {
  readonly topicArn: pulumi.Output<string>;
  /** `sns:Publish` on the topic, and the use of the existing topic's key when one is named. */
  readonly publishStatements: Statement[];
}

/**
 * The topic a component reports to, from its `notifications` args: the one place that grants the use of an existing
 * topic's customer-managed key (without it, publishing to such a topic fails with KMS.AccessDeniedException).
 */
export function reportTopic(name: string, args: NotificationArgs | undefined, kmsKey: aws.kms.Key, opts: pulumi.CustomResourceOptions): ReportTopic {
  const topicArn = notificationTopic(
    name,
    { existingTopicArn: args?.existingTopicArn, kmsKey, emails: args?.emails, publishingServices: ["cloudwatch.amazonaws.com"] },
    opts,
  );
  const publishStatements: Statement[] = [{ sid: "Report", actions: ["sns:Publish"], resources: [topicArn] }];
  if (args?.existingTopicKmsKeyArn !== undefined) {
    publishStatements.push({ sid: "EncryptReports", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [args.existingTopicKmsKeyArn] });
  }
  return { topicArn, publishStatements };
}

export interface NotificationTopicArgs {
  /** An existing topic to report to instead of creating one. */
  readonly existingTopicArn?: pulumi.Input<string>;
  /** Key that encrypts a created topic. */
  readonly kmsKey: aws.kms.Key;
  /** Email addresses subscribed to a created topic (each must confirm the subscription). */
  readonly emails?: readonly string[];
  /** Services allowed to publish to a created topic (for example `cloudwatch.amazonaws.com` for alarms). */
  readonly publishingServices?: readonly string[];
  /**
   * The only principals (IAM ARNs) that may publish to a created topic, for a topic whose messages drive a responder:
   * any other principal of the account is denied, whatever its own policies allow. Default: any principal of the
   * account allowed by its policies (a report topic). A list, or the whole list as one output.
   */
  readonly publishers?: ListArg;
}

/**
 * The topic a component reports to: an existing one, or a KMS-encrypted topic whose policy refuses publishing without
 * TLS and lets only this account (and the named services, from this account) publish.
 */
export function notificationTopic(name: string, args: NotificationTopicArgs, opts: pulumi.CustomResourceOptions): pulumi.Output<string> {
  if (args.existingTopicArn !== undefined) return pulumi.output(args.existingTopicArn);
  const topic = new aws.sns.Topic(name, { kmsMasterKeyId: args.kmsKey.arn }, opts);
  const identity = aws.getCallerIdentityOutput({}, opts);
  const partition = aws.getPartitionOutput({}, opts);
  new aws.sns.TopicPolicy(
    `${name}-policy`,
    {
      arn: topic.arn,
      policy: pulumi.all([topic.arn, identity.accountId, partition.partition, listOutput(args.publishers ?? [])]).apply(([arn, account, part, publishers]) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            ...(args.publishers === undefined
              ? [{ Sid: "AccountPublishes", Effect: "Allow", Principal: { AWS: `arn:${part}:iam::${account}:root` }, Action: ["sns:Publish", "sns:Subscribe"], Resource: arn }]
              : [
                  { Sid: "AccountSubscribes", Effect: "Allow", Principal: { AWS: `arn:${part}:iam::${account}:root` }, Action: "sns:Subscribe", Resource: arn },
                  ...(publishers.length > 0 ? [{ Sid: "NamedPublishers", Effect: "Allow", Principal: { AWS: [...publishers].sort() }, Action: "sns:Publish", Resource: arn }] : []),
                  {
                    // Same-account principals need no allow here: only an explicit deny keeps the others out.
                    Sid: "OnlyNamedPublishers",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "sns:Publish",
                    Resource: arn,
                    Condition: {
                      ...(publishers.length > 0 ? { ArnNotLike: { "aws:PrincipalArn": [...publishers].sort() } } : {}),
                      ...(args.publishingServices && args.publishingServices.length > 0 ? { StringNotEqualsIfExists: { "aws:PrincipalServiceName": [...args.publishingServices].sort() } } : {}),
                    },
                  },
                ]),
            ...(args.publishingServices && args.publishingServices.length > 0
              ? [
                  {
                    Sid: "ServicesPublish",
                    Effect: "Allow",
                    Principal: { Service: [...args.publishingServices].sort() },
                    Action: "sns:Publish",
                    Resource: arn,
                    Condition: { StringEquals: { "aws:SourceAccount": account } },
                  },
                ]
              : []),
            { Sid: "DenyWithoutTls", Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: arn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
          ],
        }),
      ),
    },
    opts,
  );
  for (const email of args.emails ?? []) {
    new aws.sns.TopicSubscription(`${name}-email-${stableSuffix(email)}`, { topic: topic.arn, protocol: "email", endpoint: email }, opts);
  }
  return topic.arn;
}
