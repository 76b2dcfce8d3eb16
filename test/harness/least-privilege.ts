import { strict as assert } from "node:assert";
import { evaluate, type ContextValue, type IamRequest } from "./iam-evaluator";
import { ACCOUNT_ID, iamDocuments, resourcesOfType } from "./pulumi";

/**
 * Least privilege = the code's use (point 6 of the "safe to leave in enforce mode" work): every SDK command a
 * responder's code sends through the fakes is turned into the IAM requests AWS would authorize (action, resource ARN,
 * condition keys), evaluated against the function's policy as the component builds it; a request not allowed fails
 * (an AccessDenied in production), and so does a granted action that no path uses. One harness for every responder.
 */

export interface SentCommand {
  /** The SDK command's class name (`PublishCommand`). */
  readonly command: string;
  readonly input: Record<string, any>;
}

/** Where a command was sent, and what the fakes know that a request's ARN or condition keys need. */
export interface Where {
  readonly accountId: string;
  readonly region: string;
  /** The key the function's SNS topics, queues and reports are encrypted with (KMS requests of Publish, SendMessage, PutObject). */
  readonly key?: string;
  /** The tags of a resource (by ARN) when the call is made: AWS adds them as `aws:ResourceTag/<key>`. */
  readonly tagsOf?: (arn: string) => Record<string, string> | undefined;
  /** The instance an IAM instance profile association belongs to (requests name the association only). */
  readonly instanceOfAssociation?: (associationId: string) => string;
  /** The allocation an Elastic IP association belongs to. */
  readonly allocationOfAssociation?: (associationId: string) => string;
  /** The KMS key a bucket encrypts new objects with by default: writing there asks KMS for a data key. */
  readonly bucketKey?: (bucket: string) => string | undefined;
  /** The role of an instance profile (its name or ARN): EC2 passes it, so the caller needs `iam:PassRole` on it. */
  readonly roleOfProfile?: (profile: string) => string;
}

/** The commands a set of aws-sdk-client-mock stubs received. */
export function commandsOf(stubs: ReadonlyArray<{ calls(): Array<{ args: any[] }> }>): SentCommand[] {
  return stubs.flatMap((m) => m.calls().map((c) => ({ command: c.args[0].constructor.name as string, input: c.args[0].input as Record<string, any> })));
}

const EC2_RESOURCE_TYPES: Record<string, string> = { i: "instance", sg: "security-group", snap: "snapshot", vol: "volume", eni: "network-interface", vpc: "vpc", subnet: "subnet", eipalloc: "elastic-ip", tms: "traffic-mirror-session", tmt: "traffic-mirror-target", tmf: "traffic-mirror-filter" };

/** The IAM requests one SDK command makes (action, resource ARN and the condition keys the policies test). */
export function iamRequests(sent: SentCommand, where: Where): IamRequest[] {
  const { command, input } = sent;
  const { accountId, region } = where;
  const s3 = (bucket: string, object?: string) => `arn:aws:s3:::${bucket}${object !== undefined ? `/${object}` : ""}`;
  const iam = (kind: string, name: string) => `arn:aws:iam::${accountId}:${kind}/${name}`;
  // Snapshots are the one EC2 resource whose ARN has no account.
  const ec2 = (id: string) => {
    const type = EC2_RESOURCE_TYPES[id.split("-")[0]];
    if (!type) throw new Error(`the least-privilege harness does not know the EC2 resource type of ${id}`);
    return `arn:aws:ec2:${region}:${type === "snapshot" ? "" : accountId}:${type}/${id}`;
  };
  const instance = (id: string) => ec2(id);
  const table = (name: string) => `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
  const queue = (url: string) => {
    const [, r, account, name] = /^https:\/\/sqs\.([^.]+)\.amazonaws\.com\/(\d+)\/(.+)$/.exec(url)!;
    return `arn:aws:sqs:${r}:${account}:${name}`;
  };
  const one = (action: string, resource: string, context: Record<string, ContextValue> = {}): IamRequest[] => {
    // A role's tags are not given to iam:PassRole: IAM does not reliably evaluate ResourceTag there (IAM User Guide,
    // "Grant a user permissions to pass a role to an AWS service"), so the harness never lets a policy rely on them.
    const tagged = action.toLowerCase() !== "iam:passrole";
    const tags = tagged ? Object.fromEntries(Object.entries(where.tagsOf?.(resource) ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v])) : {};
    return [{ action, resource, context: { ...tags, ...context, ...(resource.startsWith("arn:aws:s3:::") ? { "s3:ResourceAccount": accountId } : {}) } }];
  };
  const kms = (keyId: string | undefined) => (keyId ? one("kms:GenerateDataKey", keyId) : []);
  const passRole = (profile: { Arn?: string; Name?: string }) => {
    const role = where.roleOfProfile?.(profile.Arn ?? profile.Name!);
    assert.ok(role, `the test must say which role the instance profile ${profile.Arn ?? profile.Name} holds`);
    return one("iam:PassRole", iam("role", role), { "iam:PassedToService": "ec2.amazonaws.com" });
  };
  const each = <T>(items: readonly T[] | undefined, f: (item: T) => IamRequest[]) => (items ?? []).flatMap(f);
  const tagKeys = (tags: ReadonlyArray<{ Key?: string }>) => ({ "aws:TagKeys": tags.map((t) => t.Key!) });
  const tagOnCreate = (specs: ReadonlyArray<{ ResourceType?: string; Tags?: Array<{ Key?: string }> }> | undefined, createAction: string, arnOf: (type: string) => string) =>
    each(specs, (s) => one("ec2:CreateTags", arnOf(s.ResourceType!), { ...tagKeys(s.Tags ?? []), "ec2:CreateAction": createAction }));
  // Tags a create call puts on what it creates: `aws:RequestTag/<key>` and `aws:TagKeys` of the created resource.
  const requestTags = () => {
    const tags: Array<{ Key: string; Value: string }> = (input.TagSpecifications ?? []).flatMap((spec: { Tags?: Array<{ Key: string; Value: string }> }) => spec.Tags ?? []);
    return { ...Object.fromEntries(tags.map((t) => [`aws:RequestTag/${t.Key}`, t.Value])), ...tagKeys(tags) };
  };
  const versioned = (action: string, versionAction: string) => one(input.VersionId ? versionAction : action, s3(input.Bucket, input.Key));
  // A write with tags also needs PutObjectTagging; to a bucket encrypted with a KMS key, a data key from it.
  const write = () => [
    ...one("s3:PutObject", s3(input.Bucket, input.Key)),
    ...(input.Tagging ? one("s3:PutObjectTagging", s3(input.Bucket, input.Key)) : []),
    ...kms(input.SSEKMSKeyId ?? where.bucketKey?.(input.Bucket)),
  ];
  // CopySource: "<bucket>/<url-encoded key>[?versionId=<id>]".
  const copySource = () => {
    const [path, query] = String(input.CopySource).split("?");
    const slash = path.indexOf("/");
    const version = new URLSearchParams(query ?? "").get("versionId");
    return one(version ? "s3:GetObjectVersion" : "s3:GetObject", s3(path.slice(0, slash), decodeURIComponent(path.slice(slash + 1))));
  };
  const plain: Record<string, string> = {
    DescribeInstancesCommand: "ec2:DescribeInstances",
    DescribeInstanceAttributeCommand: "ec2:DescribeInstanceAttribute",
    DescribeAddressesCommand: "ec2:DescribeAddresses",
    DescribeIamInstanceProfileAssociationsCommand: "ec2:DescribeIamInstanceProfileAssociations",
    DescribeSecurityGroupsCommand: "ec2:DescribeSecurityGroups",
    DescribeTagsCommand: "ec2:DescribeTags",
    DescribeTrafficMirrorSessionsCommand: "ec2:DescribeTrafficMirrorSessions",
    DescribeAutoScalingInstancesCommand: "autoscaling:DescribeAutoScalingInstances",
    DescribeTargetGroupsCommand: "elasticloadbalancing:DescribeTargetGroups",
    DescribeTargetHealthCommand: "elasticloadbalancing:DescribeTargetHealth",
    ListCommandsCommand: "ssm:ListCommands",
    DescribeInstanceInformationCommand: "ssm:DescribeInstanceInformation",
    LookupEventsCommand: "cloudtrail:LookupEvents",
  };
  if (plain[command]) return one(plain[command], "*");
  switch (command) {
    case "InvokeCommand": return one("lambda:InvokeFunction", input.FunctionName);
    case "SendMessageCommand": return [...one("sqs:SendMessage", queue(input.QueueUrl)), ...kms(where.key)];
    case "SendMessageBatchCommand": return [...one("sqs:SendMessage", queue(input.QueueUrl)), ...kms(where.key)];
    case "PublishCommand": return [...one("sns:Publish", input.TopicArn), ...kms(where.key)];
    case "SendCommandCommand": {
      // AWS's own documents have no account in their ARN.
      const document = input.DocumentName.startsWith("AWS-") ? `arn:aws:ssm:${region}::document/${input.DocumentName}` : `arn:aws:ssm:${region}:${accountId}:document/${input.DocumentName}`;
      return [...one("ssm:SendCommand", document), ...each(input.InstanceIds as string[], (id) => one("ssm:SendCommand", instance(id)))];
    }
    case "CreateTagsCommand": return each(input.Resources as string[], (id) => one("ec2:CreateTags", ec2(id), tagKeys(input.Tags)));
    case "CreateTrafficMirrorSessionCommand": {
      const session = ec2("tms-*");
      return [
        ...one("ec2:CreateTrafficMirrorSession", session, requestTags()),
        ...[input.NetworkInterfaceId, input.TrafficMirrorTargetId, input.TrafficMirrorFilterId].flatMap((id: string) => one("ec2:CreateTrafficMirrorSession", ec2(id))),
        ...tagOnCreate(input.TagSpecifications, "CreateTrafficMirrorSession", () => session),
      ];
    }
    case "DeleteTrafficMirrorSessionCommand": return one("ec2:DeleteTrafficMirrorSession", ec2(input.TrafficMirrorSessionId));
    case "ModifyInstanceAttributeCommand": return [...one("ec2:ModifyInstanceAttribute", instance(input.InstanceId)), ...each(input.Groups as string[], (g) => one("ec2:ModifyInstanceAttribute", ec2(g)))];
    case "ModifyNetworkInterfaceAttributeCommand": return [...one("ec2:ModifyNetworkInterfaceAttribute", ec2(input.NetworkInterfaceId)), ...each(input.Groups as string[], (g) => one("ec2:ModifyNetworkInterfaceAttribute", ec2(g)))];
    case "CreateSecurityGroupCommand": {
      const group = ec2("sg-*");
      return [...one("ec2:CreateSecurityGroup", ec2(input.VpcId)), ...one("ec2:CreateSecurityGroup", group, requestTags()), ...tagOnCreate(input.TagSpecifications, "CreateSecurityGroup", () => group)];
    }
    case "AuthorizeSecurityGroupIngressCommand": return one("ec2:AuthorizeSecurityGroupIngress", ec2(input.GroupId));
    case "AuthorizeSecurityGroupEgressCommand": return one("ec2:AuthorizeSecurityGroupEgress", ec2(input.GroupId));
    case "RevokeSecurityGroupIngressCommand": return one("ec2:RevokeSecurityGroupIngress", ec2(input.GroupId));
    case "RevokeSecurityGroupEgressCommand": return one("ec2:RevokeSecurityGroupEgress", ec2(input.GroupId));
    case "DisassociateAddressCommand": return one("ec2:DisassociateAddress", ec2(where.allocationOfAssociation!(input.AssociationId)));
    case "AssociateAddressCommand": return [
      ...one("ec2:AssociateAddress", ec2(input.AllocationId)),
      ...(input.NetworkInterfaceId ? one("ec2:AssociateAddress", ec2(input.NetworkInterfaceId)) : []),
      ...(input.InstanceId ? one("ec2:AssociateAddress", instance(input.InstanceId)) : []),
    ];
    case "ReplaceIamInstanceProfileAssociationCommand": return [...one("ec2:ReplaceIamInstanceProfileAssociation", instance(where.instanceOfAssociation!(input.AssociationId))), ...passRole(input.IamInstanceProfile)];
    case "AssociateIamInstanceProfileCommand": return [...one("ec2:AssociateIamInstanceProfile", instance(input.InstanceId)), ...passRole(input.IamInstanceProfile)];
    case "DisassociateIamInstanceProfileCommand": return one("ec2:DisassociateIamInstanceProfile", instance(where.instanceOfAssociation!(input.AssociationId)));
    case "CreateSnapshotsCommand": {
      const snapshot = ec2("snap-*");
      return [...one("ec2:CreateSnapshots", instance(input.InstanceSpecification.InstanceId)), ...one("ec2:CreateSnapshots", snapshot), ...tagOnCreate(input.TagSpecifications, "CreateSnapshots", () => snapshot)];
    }
    case "DetachInstancesCommand":
    case "AttachInstancesCommand":
    case "EnterStandbyCommand":
    case "ExitStandbyCommand":
    case "SetInstanceProtectionCommand":
    case "SuspendProcessesCommand":
    case "ResumeProcessesCommand":
      return one(`autoscaling:${command.slice(0, -"Command".length)}`, `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:*:autoScalingGroupName/${input.AutoScalingGroupName}`);
    case "DeregisterTargetsCommand": return one("elasticloadbalancing:DeregisterTargets", input.TargetGroupArn);
    case "RegisterTargetsCommand": return one("elasticloadbalancing:RegisterTargets", input.TargetGroupArn);
    case "GetCommand": return one("dynamodb:GetItem", table(input.TableName));
    case "PutCommand": return one("dynamodb:PutItem", table(input.TableName));
    case "UpdateCommand": return one("dynamodb:UpdateItem", table(input.TableName));
    case "DeleteCommand": return one("dynamodb:DeleteItem", table(input.TableName));
    case "QueryCommand": return one("dynamodb:Query", table(input.TableName));
    case "ScanCommand": return one("dynamodb:Scan", table(input.TableName));
    case "BatchGetCommand": return Object.keys(input.RequestItems).flatMap((name) => one("dynamodb:BatchGetItem", table(name)));
    // A transaction is authorized as its items' own actions.
    case "TransactWriteCommand": return (input.TransactItems as any[]).flatMap((item) => {
      const [kind, body] = Object.entries(item)[0] as [string, { TableName: string }];
      return one(`dynamodb:${{ Put: "PutItem", Update: "UpdateItem", Delete: "DeleteItem", ConditionCheck: "ConditionCheckItem" }[kind]}`, table(body.TableName));
    });
    case "GetIPSetCommand":
    case "UpdateIPSetCommand":
      return one(`wafv2:${command.slice(0, -"Command".length)}`, `arn:aws:wafv2:${region}:${accountId}:${input.Scope === "CLOUDFRONT" ? "global" : "regional"}/ipset/${input.Name}/${input.Id}`);
    case "StartExecutionCommand": return one("states:StartExecution", input.stateMachineArn);
    case "DescribeExecutionCommand": return one("states:DescribeExecution", input.executionArn);
    case "GetPublicAccessBlockCommand": return one("s3:GetBucketPublicAccessBlock", s3(input.Bucket));
    case "PutPublicAccessBlockCommand": return one("s3:PutBucketPublicAccessBlock", s3(input.Bucket));
    case "GetBucketEncryptionCommand": return one("s3:GetEncryptionConfiguration", s3(input.Bucket));
    case "PutBucketEncryptionCommand": return one("s3:PutEncryptionConfiguration", s3(input.Bucket));
    case "GetBucketPolicyCommand": return one("s3:GetBucketPolicy", s3(input.Bucket));
    case "PutBucketPolicyCommand": return one("s3:PutBucketPolicy", s3(input.Bucket));
    case "GetBucketTaggingCommand": return one("s3:GetBucketTagging", s3(input.Bucket));
    case "GetObjectCommand":
    case "HeadObjectCommand":
      return versioned("s3:GetObject", "s3:GetObjectVersion");
    case "GetObjectTaggingCommand": return versioned("s3:GetObjectTagging", "s3:GetObjectVersionTagging");
    case "PutObjectTaggingCommand": return versioned("s3:PutObjectTagging", "s3:PutObjectVersionTagging");
    case "GetObjectAttributesCommand": return versioned("s3:GetObjectAttributes", "s3:GetObjectVersionAttributes");
    case "DeleteObjectCommand": return versioned("s3:DeleteObject", "s3:DeleteObjectVersion");
    case "ListObjectVersionsCommand": return one("s3:ListBucketVersions", s3(input.Bucket));
    case "PutObjectCommand":
    case "CreateMultipartUploadCommand":
      return write();
    case "CopyObjectCommand": return [...copySource(), ...write()];
    case "UploadPartCopyCommand": return [...copySource(), ...one("s3:PutObject", s3(input.Bucket, input.Key))];
    case "CompleteMultipartUploadCommand": return one("s3:PutObject", s3(input.Bucket, input.Key));
    case "AbortMultipartUploadCommand": return one("s3:AbortMultipartUpload", s3(input.Bucket, input.Key));
    case "GetUserCommand": return one("iam:GetUser", iam("user", input.UserName));
    case "GetUserPolicyCommand": return one("iam:GetUserPolicy", iam("user", input.UserName));
    case "PutUserPolicyCommand": return one("iam:PutUserPolicy", iam("user", input.UserName));
    case "ListAccessKeysCommand": return one("iam:ListAccessKeys", iam("user", input.UserName));
    case "UpdateAccessKeyCommand": return one("iam:UpdateAccessKey", iam("user", input.UserName));
    case "GetRoleCommand": return one("iam:GetRole", iam("role", input.RoleName));
    case "GetRolePolicyCommand": return one("iam:GetRolePolicy", iam("role", input.RoleName));
    case "PutRolePolicyCommand": return one("iam:PutRolePolicy", iam("role", input.RoleName));
    case "GetInstanceProfileCommand": return one("iam:GetInstanceProfile", iam("instance-profile", input.InstanceProfileName));
    default: throw new Error(`the least-privilege harness does not know the IAM action of ${command}: add it to test/harness/least-privilege.ts`);
  }
}

/** Granted for the Lambda service itself, not for the code: logs, environment decryption, the on-failure destination. */
export const PLATFORM_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents", "kms:Decrypt", "sqs:SendMessage"];

/** Fails when a request is not allowed by the policy, or when the policy grants an action no request used. */
export function assertLeastPrivilege(fn: string, policy: any, requests: readonly IamRequest[], platform: readonly string[] = PLATFORM_ACTIONS): void {
  const denied = requests.filter((r) => evaluate({ identity: [policy] }, r).decision !== "allowed");
  assert.deepEqual(denied, [], `${fn}: the code sends calls its policy does not allow`);
  const used = new Set(requests.map((r) => r.action.toLowerCase()));
  const granted = (policy.Statement as any[]).filter((s) => s.Effect === "Allow").flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]) as string[]);
  const unused = [...new Set(granted)].filter((a) => !used.has(a.toLowerCase()) && !platform.includes(a));
  assert.deepEqual(unused, [], `${fn}: granted actions no tested path uses`);
}

/**
 * A function the component under test built (offline mocks, after `settle()`): its settings and its role's policy.
 * With `accountId`, both as deployed in that account instead of the offline stack's (for fakes with their own account);
 * with `ids`, the offline ids of created resources replaced by ids of AWS's shape (`feed-filter-id` → `tmf-…`).
 */
export function builtFunction(responder: string, options: { accountId?: string; ids?: Record<string, string> } = {}): { env: Record<string, string>; policy: any } {
  const fn = resourcesOfType("aws:lambda/function:Function").find((f) => f.name === `${responder}-function`);
  const policy = iamDocuments().find((d) => d.resource === `${responder}-permissions`)?.document;
  assert.ok(fn && policy, `no function ${responder}-function with its policy ${responder}-permissions was built`);
  const replacements = Object.entries({ ...(options.accountId ? { [ACCOUNT_ID]: options.accountId } : {}), ...(options.ids ?? {}) });
  const deployed = <T>(v: T): T => JSON.parse(replacements.reduce((json, [from, to]) => json.replaceAll(from, to), JSON.stringify(v)));
  return { env: deployed(fn.inputs.environment.variables), policy: deployed(policy) };
}

/**
 * The whole check for one function: the commands sent, as requests, against its policy. `justified`: granted actions
 * no command asks for by itself, each with the reason the function needs it anyway.
 */
export function checkCommands(fn: string, policy: any, sent: readonly SentCommand[], where: Where, justified: Readonly<Record<string, string>> = {}): void {
  assertLeastPrivilege(fn, policy, sent.flatMap((c) => iamRequests(c, where)), [...PLATFORM_ACTIONS, ...Object.keys(justified)]);
}
