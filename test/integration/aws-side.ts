/**
 * What the suites read from AWS's side: a topic whose messages land in a queue (reports are asserted from there, as
 * an operator's subscription would see them), and polling for queue messages.
 */
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { HOME_ACCOUNT, region, uniqueName } from "./endpoint";

export const sns = () => new SNSClient({ region });
export const sqs = () => new SQSClient({ region });

/** A topic with a queue subscribed (raw delivery): the reports a function publishes can be read back. */
export async function reportTopic(prefix: string): Promise<{ topicArn: string; read: () => Promise<Array<{ subject?: string; body: unknown }>> }> {
  const topicArn = (await sns().send(new CreateTopicCommand({ Name: uniqueName(prefix) }))).TopicArn!;
  const queueUrl = (await sqs().send(new CreateQueueCommand({ QueueName: uniqueName(`${prefix}-sub`) }))).QueueUrl!;
  const queueArn = (await sqs().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }))).Attributes!.QueueArn!;
  await sns().send(new SubscribeCommand({ TopicArn: topicArn, Protocol: "sqs", Endpoint: queueArn }));
  return {
    topicArn,
    read: async () =>
      (await drain(queueUrl)).map((raw) => {
        // SNS to SQS without raw delivery: the SNS envelope carries Subject and Message.
        const envelope = JSON.parse(raw) as { Subject?: string; Message: string };
        let body: unknown = envelope.Message;
        try {
          body = JSON.parse(envelope.Message);
        } catch {
          // a plain-text report
        }
        return { subject: envelope.Subject, body };
      }),
  };
}

/** A table keyed as a component's state table (a string partition key, and a sort key when given); its name. */
export async function stateTable(prefix: string, hashKey = "pk", rangeKey?: { name: string; type: "S" | "N" }): Promise<string> {
  const table = uniqueName(prefix);
  await new DynamoDBClient({ region }).send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: hashKey, KeyType: "HASH" }, ...(rangeKey ? [{ AttributeName: rangeKey.name, KeyType: "RANGE" as const }] : [])],
      AttributeDefinitions: [{ AttributeName: hashKey, AttributeType: "S" }, ...(rangeKey ? [{ AttributeName: rangeKey.name, AttributeType: rangeKey.type }] : [])],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  return table;
}

/** Every message on the queue now (received, not deleted: each read sees what arrived since the last). */
export async function drain(queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const out = await sqs().send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 600 }));
    if (!out.Messages?.length) return bodies;
    bodies.push(...out.Messages.map((m) => m.Body ?? ""));
  }
}

/** Creates versioned buckets (quarantine pins versions, so every bucket a suite uses is versioned). */
export async function versionedBuckets(s3: S3Client, ...buckets: string[]): Promise<void> {
  for (const bucket of buckets) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }));
  }
}

/** A GuardDuty Malware Protection scan result for one object version, as EventBridge delivers it. */
export function malwareScanResult(args: { id: string; bucket: string; key: string; versionId: string; malicious: boolean; account?: string }) {
  const account = args.account ?? HOME_ACCOUNT;
  return {
    version: "0",
    id: args.id,
    "detail-type": "GuardDuty Malware Protection Object Scan Result",
    source: "aws.guardduty",
    account,
    time: new Date().toISOString(),
    region,
    resources: [`arn:aws:guardduty:${region}:${account}:malware-protection-plan/integration`],
    detail: {
      schemaVersion: "1.0",
      scanStatus: "COMPLETED",
      resourceType: "S3_OBJECT",
      s3ObjectDetails: { bucketName: args.bucket, objectKey: args.key, versionId: args.versionId, s3Throttled: false },
      scanResultDetails: args.malicious ? { scanResultStatus: "THREATS_FOUND", threats: [{ name: "EICAR-Test-File" }] } : { scanResultStatus: "NO_THREATS_FOUND", threats: null },
    },
  };
}
