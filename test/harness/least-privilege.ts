import { strict as assert } from "node:assert";
import { evaluate, type IamRequest } from "./iam-evaluator";

/**
 * Least privilege = the code's use (point 6 of the "safe to leave in enforce mode" work): every SDK command a
 * responder's code sends through the fakes is turned into the IAM requests AWS would authorize (action, resource ARN,
 * condition keys), evaluated against the function's policy as the component builds it; a request not allowed fails
 * (an AccessDenied in production), and so does a granted action that no path uses.
 */

export interface SentCommand {
  /** The SDK command's class name (`PublishCommand`). */
  readonly command: string;
  readonly input: Record<string, any>;
}

/** Where a command was sent: the account and Region of the client. */
export interface Where {
  readonly accountId: string;
  readonly region: string;
  /** The key the function's SNS topics and reports are encrypted with (KMS requests of Publish and PutObject). */
  readonly key?: string;
}

/** The commands a set of aws-sdk-client-mock stubs received. */
export function commandsOf(stubs: ReadonlyArray<{ calls(): Array<{ args: any[] }> }>): SentCommand[] {
  return stubs.flatMap((m) => m.calls().map((c) => ({ command: c.args[0].constructor.name as string, input: c.args[0].input as Record<string, any> })));
}

/** The IAM requests one SDK command makes (action, resource ARN and the condition keys the policies test). */
export function iamRequests(sent: SentCommand, where: Where): IamRequest[] {
  const { command, input } = sent;
  const { accountId, region } = where;
  const s3 = (bucket: string, object?: string) => `arn:aws:s3:::${bucket}${object !== undefined ? `/${object}` : ""}`;
  const iam = (kind: string, name: string) => `arn:aws:iam::${accountId}:${kind}/${name}`;
  const instance = (id: string) => `arn:aws:ec2:${region}:${accountId}:instance/${id}`;
  const one = (action: string, resource: string, context: Record<string, any> = {}): IamRequest[] => [
    { action, resource, context: { ...context, ...(resource.startsWith("arn:aws:s3:::") ? { "s3:ResourceAccount": accountId } : {}) } },
  ];
  const kms = (keyId: string | undefined) => (keyId ? one("kms:GenerateDataKey", keyId) : []);
  switch (command) {
    case "InvokeCommand": return one("lambda:InvokeFunction", input.FunctionName);
    case "SendMessageCommand": {
      const [, r, account, name] = /^https:\/\/sqs\.([^.]+)\.amazonaws\.com\/(\d+)\/(.+)$/.exec(input.QueueUrl)!;
      return one("sqs:SendMessage", `arn:aws:sqs:${r}:${account}:${name}`);
    }
    case "PublishCommand": return [...one("sns:Publish", input.TopicArn), ...kms(where.key)];
    case "ListCommandsCommand": return one("ssm:ListCommands", "*");
    case "DescribeInstanceInformationCommand": return one("ssm:DescribeInstanceInformation", "*");
    case "SendCommandCommand": {
      // AWS's own documents have no account in their ARN.
      const document = input.DocumentName.startsWith("AWS-") ? `arn:aws:ssm:${region}::document/${input.DocumentName}` : `arn:aws:ssm:${region}:${accountId}:document/${input.DocumentName}`;
      return [...one("ssm:SendCommand", document), ...(input.InstanceIds as string[]).flatMap((id) => one("ssm:SendCommand", instance(id)))];
    }
    case "DescribeTagsCommand": return one("ec2:DescribeTags", "*");
    case "CreateTagsCommand": return (input.Resources as string[]).flatMap((id) => one("ec2:CreateTags", instance(id), { "aws:TagKeys": (input.Tags as Array<{ Key: string }>).map((t) => t.Key) }));
    case "StartExecutionCommand": return one("states:StartExecution", input.stateMachineArn);
    case "DescribeExecutionCommand": return one("states:DescribeExecution", input.executionArn);
    case "GetPublicAccessBlockCommand": return one("s3:GetBucketPublicAccessBlock", s3(input.Bucket));
    case "PutPublicAccessBlockCommand": return one("s3:PutBucketPublicAccessBlock", s3(input.Bucket));
    case "GetBucketEncryptionCommand": return one("s3:GetEncryptionConfiguration", s3(input.Bucket));
    case "PutBucketEncryptionCommand": return one("s3:PutEncryptionConfiguration", s3(input.Bucket));
    case "GetBucketPolicyCommand": return one("s3:GetBucketPolicy", s3(input.Bucket));
    case "PutBucketPolicyCommand": return one("s3:PutBucketPolicy", s3(input.Bucket));
    case "GetBucketTaggingCommand": return one("s3:GetBucketTagging", s3(input.Bucket));
    case "PutObjectCommand": return [...one("s3:PutObject", s3(input.Bucket, input.Key)), ...kms(input.SSEKMSKeyId)];
    case "GetUserCommand": return one("iam:GetUser", iam("user", input.UserName));
    case "GetUserPolicyCommand": return one("iam:GetUserPolicy", iam("user", input.UserName));
    case "PutUserPolicyCommand": return one("iam:PutUserPolicy", iam("user", input.UserName));
    case "ListAccessKeysCommand": return one("iam:ListAccessKeys", iam("user", input.UserName));
    case "UpdateAccessKeyCommand": return one("iam:UpdateAccessKey", iam("user", input.UserName));
    case "GetRoleCommand": return one("iam:GetRole", iam("role", input.RoleName));
    case "GetRolePolicyCommand": return one("iam:GetRolePolicy", iam("role", input.RoleName));
    case "PutRolePolicyCommand": return one("iam:PutRolePolicy", iam("role", input.RoleName));
    case "LookupEventsCommand": return one("cloudtrail:LookupEvents", "*");
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
