/**
 * What the suites read from AWS's side: a topic whose messages land in a queue (reports are asserted from there, as
 * an operator's subscription would see them), and polling for queue messages.
 */
import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand, type Instance as GroupMember } from "@aws-sdk/client-auto-scaling";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateLaunchTemplateCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, DescribeNetworkInterfacesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateTargetGroupCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
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

/**
 * An Auto Scaling group in InstanceIsolation's scope (tag `kamae:isolation-scope=true`, propagated) of one instance behind
 * a target group, and an isolation instance profile. `members()` reads the group's instances with their lifecycle
 * state; `ownGroups()` the security groups an interface really has.
 */
export async function scopedWebGroup(cidr: string, size = 1) {
  const ec2 = new EC2Client({ region });
  const asg = new AutoScalingClient({ region });
  const iam = new IAMClient({ region });
  const groupName = uniqueName("kamae-it-web");
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;
  const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr.replace(/\.0\.0\/16$/, ".1.0/24"), AvailabilityZone: `${region}a` }))).Subnet!.SubnetId!;
  const launchGroupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: uniqueName("kamae-it-web"), Description: "web" }))).GroupId!;
  const template = uniqueName("kamae-it-web");
  await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: template, LaunchTemplateData: { ImageId: "ami-12c6146b", InstanceType: "t3.micro", SecurityGroupIds: [launchGroupId] } }));
  const elb = new ElasticLoadBalancingV2Client({ region });
  const targetGroupArn = (await elb.send(new CreateTargetGroupCommand({ Name: uniqueName("it-web").slice(0, 32), Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "instance" }))).TargetGroups![0].TargetGroupArn!;
  await asg.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: groupName,
      LaunchTemplate: { LaunchTemplateName: template, Version: "$Latest" },
      MinSize: 1,
      MaxSize: size + 1,
      DesiredCapacity: size,
      VPCZoneIdentifier: subnetId,
      TargetGroupARNs: [targetGroupArn],
      Tags: [{ Key: "kamae:isolation-scope", Value: "true", PropagateAtLaunch: true, ResourceId: groupName, ResourceType: "auto-scaling-group" }],
    }),
  );
  const isolationProfile = uniqueName("kamae-it-isolated");
  const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
  await iam.send(new CreateRoleCommand({ RoleName: isolationProfile, AssumeRolePolicyDocument: trust }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: isolationProfile }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: isolationProfile, RoleName: isolationProfile }));
  const members = async (): Promise<GroupMember[]> => (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [groupName] }))).AutoScalingGroups?.[0]?.Instances ?? [];
  const instanceIds = (await members()).map((i) => i.InstanceId!);
  const [instanceId] = instanceIds;
  /** The group's suspended processes, by name. */
  const suspended = async () =>
    ((await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [groupName] }))).AutoScalingGroups?.[0]?.SuspendedProcesses ?? []).map((p) => p.ProcessName!).sort();
  // moto gap: an interface's groups are reported (by DescribeInstances and DescribeNetworkInterfaces alike) together
  // with the instance's launch groups. Its own groups are what the `group-id` filter matches, so they are read so.
  const ownGroups = async (eniId: string, candidates: string[]) => {
    const own: string[] = [];
    for (const groupId of candidates) {
      const match = await ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId], Filters: [{ Name: "group-id", Values: [groupId] }] }));
      if ((match.NetworkInterfaces ?? []).length > 0) own.push(groupId);
    }
    return own;
  };
  /** Whether every interface of the instance has left its launch group (the network is cut). */
  const cut = async (id: string) => {
    const enis = (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [id] }] }))).NetworkInterfaces ?? [];
    for (const eni of enis) if ((await ownGroups(eni.NetworkInterfaceId!, (eni.Groups ?? []).map((g) => g.GroupId!))).includes(launchGroupId)) return false;
    return enis.length > 0;
  };
  return { groupName, instanceId, instanceIds, launchGroupId, targetGroupArn, isolationProfile, members, suspended, ownGroups, cut };
}
