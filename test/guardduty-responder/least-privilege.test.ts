import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GuardDutyResponder, RECOMMENDED_ROUTES } from "../../components/guardduty-responder";
import { runStep, stepSettingsFromEnv } from "../../components/guardduty-responder/lambda/credential-steps";
import { respondToFinding, settingsFromEnv } from "../../components/guardduty-responder/lambda/responder";
import { AccountClients } from "../../components/shared/aws/account-clients";
import { FakeClock } from "../harness/aws";
import { evaluate, type IamRequest } from "../harness/iam-evaluator";
import { ACCOUNT_ID, iamDocuments, REGION, resourcesOfType, settle, useOfflineMocks, valueOf } from "../harness/pulumi";
import { FakeAws } from "./fakes";

/**
 * Every AWS call the code makes is granted, and nothing more: the component is built (its policies come from
 * permissions.ts), its functions run every path against the fakes with the settings the component gives them, and
 * each command sent is evaluated, with its resource ARNs, against that function's policy. A command not allowed
 * fails (an AccessDenied in production); so does a granted action that no path uses.
 */

const fixture = (path: string) => JSON.parse(readFileSync(join(__dirname, "../../components", path), "utf8"));
const ISOLATION = `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:isolation`;
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:waf-block`;
const QUEUE_URL = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT_ID}/waf-block`;

/** The IAM requests one SDK command makes (action and resource ARN each). */
function iamRequests(command: string, input: Record<string, any>, key: string): IamRequest[] {
  const s3 = (bucket: string, object?: string) => `arn:aws:s3:::${bucket}${object !== undefined ? `/${object}` : ""}`;
  const iam = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:${kind}/${name}`;
  const one = (action: string, resource: string): IamRequest[] => [{ action, resource, ...(resource.startsWith("arn:aws:s3:::") ? { context: { "s3:ResourceAccount": ACCOUNT_ID } } : {}) }];
  switch (command) {
    case "InvokeCommand": return one("lambda:InvokeFunction", input.FunctionName);
    case "SendMessageCommand": {
      const [, region, account, name] = /^https:\/\/sqs\.([^.]+)\.amazonaws\.com\/(\d+)\/(.+)$/.exec(input.QueueUrl)!;
      return one("sqs:SendMessage", `arn:aws:sqs:${region}:${account}:${name}`);
    }
    // The topic is encrypted with the component's key: publishing uses it.
    case "PublishCommand": return [...one("sns:Publish", input.TopicArn), ...one("kms:GenerateDataKey", key)];
    case "ListCommandsCommand": return one("ssm:ListCommands", "*");
    case "SendCommandCommand": return [
      ...one("ssm:SendCommand", `arn:aws:ssm:${REGION}:${ACCOUNT_ID}:document/${input.DocumentName}`),
      ...(input.InstanceIds as string[]).flatMap((id) => one("ssm:SendCommand", `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/${id}`)),
    ];
    case "StartExecutionCommand": return one("states:StartExecution", input.stateMachineArn);
    case "DescribeExecutionCommand": return one("states:DescribeExecution", input.executionArn);
    case "GetPublicAccessBlockCommand": return one("s3:GetBucketPublicAccessBlock", s3(input.Bucket));
    case "PutPublicAccessBlockCommand": return one("s3:PutBucketPublicAccessBlock", s3(input.Bucket));
    case "GetBucketEncryptionCommand": return one("s3:GetEncryptionConfiguration", s3(input.Bucket));
    case "PutBucketEncryptionCommand": return one("s3:PutEncryptionConfiguration", s3(input.Bucket));
    case "GetBucketPolicyCommand": return one("s3:GetBucketPolicy", s3(input.Bucket));
    case "PutBucketPolicyCommand": return one("s3:PutBucketPolicy", s3(input.Bucket));
    case "GetBucketTaggingCommand": return one("s3:GetBucketTagging", s3(input.Bucket));
    case "PutObjectCommand": return [...one("s3:PutObject", s3(input.Bucket, input.Key)), ...(input.SSEKMSKeyId ? one("kms:GenerateDataKey", input.SSEKMSKeyId) : [])];
    case "GetUserCommand": return one("iam:GetUser", iam("user", input.UserName));
    case "GetUserPolicyCommand": return one("iam:GetUserPolicy", iam("user", input.UserName));
    case "PutUserPolicyCommand": return one("iam:PutUserPolicy", iam("user", input.UserName));
    case "ListAccessKeysCommand": return one("iam:ListAccessKeys", iam("user", input.UserName));
    case "UpdateAccessKeyCommand": return one("iam:UpdateAccessKey", iam("user", input.UserName));
    case "GetRoleCommand": return one("iam:GetRole", iam("role", input.RoleName));
    case "GetRolePolicyCommand": return one("iam:GetRolePolicy", iam("role", input.RoleName));
    case "PutRolePolicyCommand": return one("iam:PutRolePolicy", iam("role", input.RoleName));
    case "LookupEventsCommand": return one("cloudtrail:LookupEvents", "*");
    default: throw new Error(`the least-privilege test does not know the IAM action of ${command}: add it`);
  }
}

/** Granted for the Lambda service itself, not for the code: logs, environment decryption, the on-failure destination. */
const PLATFORM_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents", "kms:Decrypt", "sqs:SendMessage"];

function check(fn: string, policy: any, sent: Array<{ command: string; input: Record<string, any> }>, key: string, platform: string[]): void {
  const requests = sent.flatMap((c) => iamRequests(c.command, c.input, key));
  const denied = requests.filter((r) => evaluate({ identity: [policy] }, r).decision !== "allowed");
  assert.deepEqual(denied, [], `${fn}: the code sends calls its policy does not allow`);
  const used = new Set(requests.map((r) => r.action.toLowerCase()));
  const granted = policy.Statement.filter((s: any) => s.Effect === "Allow").flatMap((s: any) => s.Action as string[]);
  const unused = [...new Set(granted as string[])].filter((a) => !used.has(a.toLowerCase()) && !platform.includes(a));
  assert.deepEqual(unused, [], `${fn}: granted actions no tested path uses`);
}

describe("GuardDutyResponder: every AWS call is granted, and nothing more", () => {
  let aws: FakeAws;
  let clock: FakeClock;
  beforeEach(async () => {
    await useOfflineMocks();
    clock = new FakeClock(Date.parse("2026-11-23T00:00:00Z"));
    aws = new FakeAws(clock);
    aws.iamAccountId = ACCOUNT_ID;
  });
  afterEach(() => aws.restore());

  it("for every route's action, the responder's and the credential steps' calls match their policies", async () => {
    const gd = new GuardDutyResponder("gd", {
      routes: [...RECOMMENDED_ROUTES],
      modes: { isolate: "enforce", block: "enforce", scan: "enforce", restrictCredentials: "enforce", blockPublicAccess: "enforce", protectBucket: "enforce" },
      isolationFunctionArn: ISOLATION,
      wafBlockQueueArn: QUEUE_ARN,
      wafBlockQueueUrl: QUEUE_URL,
      scanDocumentName: "Kamae-AntiMalwareScan",
    });
    await settle();
    const key = await valueOf(gd.kmsKeyArn);
    const env = (name: string) => resourcesOfType("aws:lambda/function:Function").find((f) => f.name === name)!.inputs.environment.variables;
    const policy = (name: string) => iamDocuments().find((d) => d.resource === name)!.document;
    const settings = settingsFromEnv(env("gd-responder-function"));
    const steps = stepSettingsFromEnv(env("gd-credential-steps-function"));
    aws.topics.add(settings.topicArn);
    aws.functions.add(ISOLATION);
    aws.queues.add(QUEUE_URL);
    aws.stateMachines.add(settings.credentialWorkflowArn!);
    const clients = new AccountClients({ homeAccountId: ACCOUNT_ID, memberAccountIds: [], sessionName: "t" });
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const home = (event: any) => ((event.detail.accountId = ACCOUNT_ID), (event.account = ACCOUNT_ID), event);

    // The responder: an instance finding (scan, isolate, block), a credential finding, a public bucket, Macie.
    const cc = home(fixture("shared/events/fixtures/guardduty-network-connection.json"));
    cc.detail.severity = 8;
    cc.detail.service.action.networkConnectionAction.remoteIpDetails.ipAddressV4 = "93.184.216.34";
    aws.instances.add(cc.detail.resource.instanceDetails.instanceId);
    const bucketEvent = home(fixture("shared/events/fixtures/guardduty-s3-api-call.json"));
    aws.buckets.set(bucketEvent.detail.resource.s3BucketDetails[0].name, {});
    aws.buckets.set("customer-exports", { encryption: "AES256", policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
    const deps = { settings, clients, log, now: clock.now };
    for (const event of [cc, home(fixture("shared/events/fixtures/guardduty-aws-api-call.json")), bucketEvent, home(fixture("guardduty-responder/fixtures/macie-sensitive-data.json"))]) {
      const report = await respondToFinding(event, deps);
      assert.ok(report.outcomes.every((o) => o.status === "done"), JSON.stringify(report.outcomes));
    }
    check("guardduty-responder", policy("gd-responder-permissions"), aws.sentCommands(), key, PLATFORM_ACTIONS);

    // The credential steps, on a fresh record of commands: a user's long-term key, a role's sessions, the report.
    aws.restore();
    aws = new FakeAws(clock);
    aws.iamAccountId = ACCOUNT_ID;
    aws.principals.set("user/alice", new Map());
    aws.principals.set("role/web-role", new Map());
    aws.accessKeys.set("AKIAEXAMPLELONGTERM1", { userName: "alice", status: "Active" });
    aws.buckets.set(steps.reportBucket, { encryption: "aws:kms" });
    const stepDeps = { settings: steps, clients, log, now: clock.now, sleep: clock.sleep, home: { accountId: ACCOUNT_ID, region: REGION } };
    const finding = { id: "f1", type: "UnauthorizedAccess:IAMUser/MaliciousIPCaller", accountId: ACCOUNT_ID, region: REGION, createdAt: "2026-11-22T23:00:00Z" };
    await runStep({ step: "restrict", finding: { ...finding, principal: { type: "IAMUser", name: "alice", accessKeyId: "AKIAEXAMPLELONGTERM1" } } }, stepDeps);
    await runStep({ step: "restrict", finding: { ...finding, principal: { type: "AssumedRole", name: "web-role" } } }, stepDeps);
    await runStep({ step: "gather", finding: { ...finding, principal: { type: "AssumedRole", name: "web-role" } } }, stepDeps);
    check("guardduty-credential-steps", policy("gd-credential-steps-permissions"), aws.sentCommands(), key, PLATFORM_ACTIONS);
  });

  it("bucket writes reach only the buckets of the finding's account", async () => {
    new GuardDutyResponder("gd", { routes: [{ name: "public", typePrefixes: ["Policy:S3/"], actions: ["blockPublicAccess"] }, { name: "sensitive", source: "macie", actions: ["protectBucket"] }] });
    await settle();
    const policy = iamDocuments().find((d) => d.resource === "gd-responder-permissions")!.document;
    const put = (account: string) => evaluate({ identity: [policy] }, { action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::shared-data", context: { "s3:ResourceAccount": account } }).decision;
    assert.equal(put(ACCOUNT_ID), "allowed");
    assert.equal(put("999988887777"), "implicitDeny");
  });

  it("the check catches an un-granted call and a granted action no path uses", () => {
    const policy = { Statement: [{ Effect: "Allow", Action: ["sns:Publish", "s3:PutBucketPolicy"], Resource: ["arn:aws:sns:us-east-1:123456789012:t"] }, { Effect: "Allow", Action: ["kms:GenerateDataKey"], Resource: ["k"] }] };
    assert.throws(() => check("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:other" } }], "k", []), /does not allow/);
    assert.throws(() => check("x", policy, [{ command: "PublishCommand", input: { TopicArn: "arn:aws:sns:us-east-1:123456789012:t" } }], "k", []), /no tested path uses[\s\S]*s3:PutBucketPolicy/);
  });
});
