import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import {
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand, type ExecutionStatus, type HistoryEvent } from "@aws-sdk/client-sfn";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { ListCommandsCommand, SendCommandCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import type { ReportedEvents } from "../../components/shared/aws/reported-events";
import type { WindowBreaker } from "../../components/shared/aws/window-breaker";
import { RECOMMENDED_ROUTES } from "../../components/guardduty-responder/lambda/routing";
import { BUCKET_BREAKER_KEY } from "../../components/guardduty-responder/lambda/responder";
import type { ResponderSettings } from "../../components/guardduty-responder/lambda/settings";
import { fakeReportedEvents } from "../harness/reported-events";
import { awsError, type FakeClock, RateLimit } from "../harness/aws";
import { refusePublish } from "../harness/sns";

type Mock = { restore(): void; calls(): Array<{ args: any[] }> };

// The home account's responder settings the tests run with: every routed action has its setting.
export const HOME = "111122223333";
export const MEMBER = "444455556666";
export const TOPIC = `arn:aws:sns:us-east-1:${HOME}:kamae-guardduty`;
export const ISOLATION = `arn:aws:lambda:us-east-1:${HOME}:function:kamae-isolation`;
export const QUEUE = `https://sqs.us-east-1.amazonaws.com/${HOME}/kamae-waf-block`;
export const WORKFLOW = `arn:aws:states:us-east-1:${HOME}:stateMachine:kamae-credentials`;
export const ENV = {
  KAMAE_ROUTES: JSON.stringify(RECOMMENDED_ROUTES),
  KAMAE_TOPIC_ARN: TOPIC,
  KAMAE_TABLE_NAME: "kamae-answered",
  KAMAE_ISOLATION_FUNCTION_ARN: ISOLATION,
  KAMAE_WAF_BLOCK_QUEUE_URL: QUEUE,
  KAMAE_SCAN_DOCUMENT_NAME: "Kamae-AntiMalwareScan",
  KAMAE_SCAN_DOCUMENT_PARAMETERS: JSON.stringify({ scanType: ["full"] }),
  KAMAE_CREDENTIAL_WORKFLOW_ARN: WORKFLOW,
};
/** Every acting action enforced (the modes setting). */
export const ENFORCE = JSON.stringify({ isolate: "enforce", block: "enforce", scan: "enforce", restrictCredentials: "enforce", blockPublicAccess: "enforce", protectBucket: "enforce" });

/**
 * The AWS the responder acts on, with each API's rules: not-found errors, size limits, idempotency, throttling; Step
 * Functions executions that run for `executionMs` of the fake clock and then succeed, with their histories.
 */
export class FakeAws {
  /** The SDK stubs, whose calls the least-privilege test reads. */
  readonly mocks: Mock[] = [];
  readonly calls: string[] = [];
  /** Fault injection: an error for a call ("sns:Publish"), thrown before the call has any effect. */
  fault?: (call: string) => Error | undefined;
  // DynamoDB: the responder's record of answered findings, by key; the record in a table of a given name
  readonly answered: Map<string, Record<string, any>>;
  readonly reportedIn: (tableName: string) => ReportedEvents;
  readonly reported: ReportedEvents;
  /** The bucket breaker of these settings, in the same table. */
  readonly bucketChanges: (settings: ResponderSettings, tableName?: string) => WindowBreaker;
  // Lambda
  readonly functions = new Set<string>();
  readonly invocations: Array<{ functionName: string; payload: any }> = [];
  // SQS
  readonly queues = new Set<string>();
  readonly messages: Array<{ queueUrl: string; body: any }> = [];
  // SNS
  readonly topics = new Set<string>();
  readonly published: Array<{ subject?: string; message: string }> = [];
  // SSM
  readonly instances = new Set<string>();
  readonly commands: Array<{ CommandId: string; DocumentName: string; InstanceIds: string[]; Comment?: string; Status: string; RequestedDateTime: Date }> = [];
  // Step Functions
  readonly stateMachines = new Set<string>();
  readonly executions = new Map<string, { input: string; arn: string; startedMs: number; status: ExecutionStatus; stoppedMs?: number }>();
  /** How long an execution runs on the fake clock before it succeeds (unless ended earlier with `endExecution`). */
  executionMs = 5 * 60_000;
  // S3 bucket configuration and objects
  readonly buckets = new Map<string, { pab?: Record<string, boolean>; encryption?: string; kmsKey?: string; policy?: string; tags?: Record<string, string> }>();
  readonly objects = new Map<string, { body: string; sse?: string; kmsKeyId?: string }>();
  // IAM inline policies by "user/name" or "role/name"
  readonly principals = new Map<string, Map<string, string>>();
  // IAM paths by "user/name" or "role/name" ("/" when absent), and long-term access keys by id
  readonly paths = new Map<string, string>();
  readonly accessKeys = new Map<string, { userName: string; status: "Active" | "Inactive" }>();
  /** The account the IAM fake answers as (ARNs it returns). */
  iamAccountId = "444455556666";
  // CloudTrail
  readonly trailEvents: Array<{ EventId: string; EventName: string; EventSource: string; EventTime: Date; AccessKeyId: string; Username: string; CloudTrailEvent: string }> = [];
  private readonly lookupLimit: RateLimit;

  constructor(readonly clock: FakeClock) {
    this.lookupLimit = new RateLimit(2, 2, clock);
    const lambda = mockClient(LambdaClient);
    lambda.on(InvokeCommand).callsFake(async (input) => {
      this.call("lambda:Invoke");
      if (!this.functions.has(input.FunctionName!)) throw awsError("ResourceNotFoundException", `Function not found: ${input.FunctionName}`, { httpStatusCode: 404 });
      if (input.Payload && Buffer.byteLength(input.Payload as Uint8Array) > 256 * 1024 && input.InvocationType === "Event") throw awsError("RequestEntityTooLargeException", "payload too large", { httpStatusCode: 413 });
      this.invocations.push({ functionName: input.FunctionName!, payload: JSON.parse(Buffer.from(input.Payload as Uint8Array).toString("utf8")) });
      return { StatusCode: input.InvocationType === "Event" ? 202 : 200 };
    });
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageCommand).callsFake(async (input) => {
      this.call("sqs:SendMessage");
      if (!this.queues.has(input.QueueUrl!)) throw awsError("QueueDoesNotExist", "The specified queue does not exist.");
      if (Buffer.byteLength(input.MessageBody!) > 256 * 1024) throw awsError("InvalidParameterValue", "message too long");
      this.messages.push({ queueUrl: input.QueueUrl!, body: JSON.parse(input.MessageBody!) });
      return { MessageId: `m-${this.messages.length}` };
    });
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).callsFake(async (input) => {
      this.call("sns:Publish");
      refusePublish(input, (arn) => this.topics.has(arn));
      this.published.push({ subject: input.Subject, message: input.Message! });
      return { MessageId: `p-${this.published.length}` };
    });
    const ssm = mockClient(SSMClient);
    ssm.on(ListCommandsCommand).callsFake(async (input) => {
      this.call("ssm:ListCommands");
      const doc = input.Filters?.find((f: { key?: string; value?: string }) => f.key === "DocumentName")?.value;
      const after = input.Filters?.find((f: { key?: string; value?: string }) => f.key === "InvokedAfter")?.value;
      return {
        Commands: this.commands.filter(
          (c) => (!input.InstanceId || c.InstanceIds.includes(input.InstanceId)) && (!doc || c.DocumentName === doc) && (!after || c.RequestedDateTime >= new Date(after)),
        ),
      };
    });
    ssm.on(SendCommandCommand).callsFake(async (input) => {
      this.call("ssm:SendCommand");
      if (input.Comment && input.Comment.length > 100) throw awsError("ValidationException", "Comment is longer than 100");
      for (const id of input.InstanceIds ?? []) if (!this.instances.has(id)) throw awsError("InvalidInstanceId", `Instance ${id} is not managed by SSM`);
      const command = { CommandId: `cmd-${this.commands.length + 1}`, DocumentName: input.DocumentName!, InstanceIds: input.InstanceIds ?? [], Comment: input.Comment, Status: "Pending", RequestedDateTime: new Date(clock.now()) };
      this.commands.push(command);
      return { Command: command };
    });
    const sfn = mockClient(SFNClient);
    sfn.on(StartExecutionCommand).callsFake(async (input) => {
      this.call("states:StartExecution");
      if (!this.stateMachines.has(input.stateMachineArn!)) throw awsError("StateMachineDoesNotExist", "State Machine Does Not Exist");
      // API reference, StartExecution: a name is 1-80 characters without white space, brackets, wildcards, the
      // special characters " # % \ ^ | ~ ` $ & , ; : / or control characters (InvalidName); the input is JSON of at
      // most 256 KiB (InvalidExecutionInput).
      // eslint-disable-next-line no-control-regex
      if (input.name !== undefined && (input.name.length === 0 || input.name.length > 80 || /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/.test(input.name))) {
        throw awsError("InvalidName", `Invalid Name: '${input.name}'`);
      }
      const body = input.input ?? "{}";
      if (Buffer.byteLength(body) > 262_144) throw awsError("InvalidExecutionInput", "Input is too large");
      try {
        JSON.parse(body);
      } catch {
        throw awsError("InvalidExecutionInput", "Invalid State Machine Execution Input");
      }
      const key = `${input.stateMachineArn}/${input.name}`;
      const existing = this.executions.get(key);
      // Standard workflows: "If StartExecution is called with the same name and input as a running execution, the call
      // succeeds and return the same response as the original request. If the execution is closed or if the input is
      // different, it returns a 400 ExecutionAlreadyExists error."
      if (existing && existing.input === body && this.execution(existing.arn).status === "RUNNING") return { executionArn: existing.arn, startDate: new Date(existing.startedMs) };
      if (existing) throw awsError("ExecutionAlreadyExists", `Execution Already Exists: '${existing.arn}'`);
      const arn = `${input.stateMachineArn!.replace(":stateMachine:", ":execution:")}:${input.name}`;
      this.executions.set(key, { input: body, arn, startedMs: clock.now(), status: "RUNNING" });
      return { executionArn: arn, startDate: new Date(clock.now()) };
    });
    sfn.on(DescribeExecutionCommand).callsFake(async (input) => {
      this.call("states:DescribeExecution");
      const e = this.execution(input.executionArn!);
      return { executionArn: e.arn, status: e.status, input: e.input, startDate: new Date(e.startedMs), ...(e.stoppedMs !== undefined ? { stopDate: new Date(e.stoppedMs) } : {}) };
    });
    sfn.on(GetExecutionHistoryCommand).callsFake(async (input) => {
      this.call("states:GetExecutionHistory");
      const e = this.execution(input.executionArn!);
      const events: HistoryEvent[] = [{ id: 1, timestamp: new Date(e.startedMs), type: "ExecutionStarted", executionStartedEventDetails: { input: e.input } }];
      if (e.stoppedMs !== undefined) events.push({ id: 2, previousEventId: 1, timestamp: new Date(e.stoppedMs), type: e.status === "SUCCEEDED" ? "ExecutionSucceeded" : e.status === "FAILED" ? "ExecutionFailed" : e.status === "TIMED_OUT" ? "ExecutionTimedOut" : "ExecutionAborted" });
      return { events: input.reverseOrder ? events.reverse() : events };
    });
    const s3 = mockClient(S3Client);
    const bucket = (name?: string) => {
      const b = this.buckets.get(name ?? "");
      if (!b) throw awsError("NoSuchBucket", "The specified bucket does not exist", { httpStatusCode: 404 });
      return b;
    };
    s3.on(GetPublicAccessBlockCommand).callsFake(async (input) => {
      this.call("s3:GetPublicAccessBlock");
      const b = bucket(input.Bucket);
      if (!b.pab) throw awsError("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", { httpStatusCode: 404 });
      return { PublicAccessBlockConfiguration: { ...b.pab } };
    });
    s3.on(PutPublicAccessBlockCommand).callsFake(async (input) => {
      this.call("s3:PutPublicAccessBlock");
      bucket(input.Bucket).pab = { ...(input.PublicAccessBlockConfiguration as Record<string, boolean>) };
      return {};
    });
    s3.on(GetBucketEncryptionCommand).callsFake(async (input) => {
      this.call("s3:GetBucketEncryption");
      const b = bucket(input.Bucket);
      if (!b.encryption) throw awsError("ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found", { httpStatusCode: 404 });
      return { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: b.encryption as "AES256", KMSMasterKeyID: b.kmsKey } }] } };
    });
    s3.on(PutBucketEncryptionCommand).callsFake(async (input) => {
      this.call("s3:PutBucketEncryption");
      const rule = input.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
      if (!rule?.SSEAlgorithm) throw awsError("MalformedXML", "The XML you provided was not well-formed");
      Object.assign(bucket(input.Bucket), { encryption: rule.SSEAlgorithm, kmsKey: rule.KMSMasterKeyID });
      return {};
    });
    s3.on(GetBucketTaggingCommand).callsFake(async (input) => {
      this.call("s3:GetBucketTagging");
      const b = bucket(input.Bucket);
      if (!b.tags || Object.keys(b.tags).length === 0) throw awsError("NoSuchTagSet", "The TagSet does not exist", { httpStatusCode: 404 });
      return { TagSet: Object.entries(b.tags).map(([Key, Value]) => ({ Key, Value })) };
    });
    s3.on(GetBucketPolicyCommand).callsFake(async (input) => {
      this.call("s3:GetBucketPolicy");
      const b = bucket(input.Bucket);
      if (!b.policy) throw awsError("NoSuchBucketPolicy", "The bucket policy does not exist", { httpStatusCode: 404 });
      return { Policy: b.policy };
    });
    s3.on(PutBucketPolicyCommand).callsFake(async (input) => {
      this.call("s3:PutBucketPolicy");
      const b = bucket(input.Bucket);
      if (b.pab?.BlockPublicPolicy && /"Principal":"\*"[^}]*"Effect":"Allow"|"Effect":"Allow"[^}]*"Principal":"\*"/.test(input.Policy!)) throw awsError("AccessDenied", "public policies are blocked", { httpStatusCode: 403 });
      if (Buffer.byteLength(input.Policy!) > 20 * 1024) throw awsError("PolicyTooLarge", "Policies must be less than 20KB");
      JSON.parse(input.Policy!);
      b.policy = input.Policy!;
      return {};
    });
    s3.on(PutObjectCommand).callsFake(async (input) => {
      this.call("s3:PutObject");
      const b = bucket(input.Bucket);
      // The report bucket's policy refuses objects not encrypted with KMS.
      if (b.encryption === "aws:kms" && input.ServerSideEncryption !== "aws:kms") throw awsError("AccessDenied", "Access Denied", { httpStatusCode: 403 });
      this.objects.set(`${input.Bucket}/${input.Key}`, { body: String(input.Body), sse: input.ServerSideEncryption, kmsKeyId: input.SSEKMSKeyId });
      return { VersionId: `v${this.objects.size}` };
    });
    const iam = mockClient(IAMClient);
    const principal = (kind: string, name?: string) => {
      const p = this.principals.get(`${kind}/${name}`);
      if (!p) throw awsError("NoSuchEntityException", `The ${kind} with name ${name} cannot be found.`, { httpStatusCode: 404 });
      return p;
    };
    const getPolicy = (kind: string) => async (input: { UserName?: string; RoleName?: string; PolicyName?: string }) => {
      this.call(`iam:Get${kind === "user" ? "User" : "Role"}Policy`);
      const doc = principal(kind, input.UserName ?? input.RoleName).get(input.PolicyName!);
      if (!doc) throw awsError("NoSuchEntityException", `The ${kind} policy with name ${input.PolicyName} cannot be found.`, { httpStatusCode: 404 });
      // IAM returns policy documents URL-encoded.
      return { PolicyName: input.PolicyName, PolicyDocument: encodeURIComponent(doc) };
    };
    const putPolicy = (kind: string, limit: number) => async (input: { UserName?: string; RoleName?: string; PolicyName?: string; PolicyDocument?: string }) => {
      this.call(`iam:Put${kind === "user" ? "User" : "Role"}Policy`);
      const p = principal(kind, input.UserName ?? input.RoleName);
      JSON.parse(input.PolicyDocument!);
      if (input.PolicyDocument!.replace(/\s/g, "").length > limit) throw awsError("LimitExceededException", "Maximum policy size exceeded", { httpStatusCode: 409 });
      p.set(input.PolicyName!, input.PolicyDocument!);
      return {};
    };
    const arnOf = (kind: string, name: string) => `arn:aws:iam::${this.iamAccountId}:${kind}${this.paths.get(`${kind}/${name}`) ?? "/"}${name}`;
    iam.on(GetUserCommand).callsFake(async (input) => {
      this.call("iam:GetUser");
      if (!input.UserName) throw awsError("ValidationError", "the fake needs UserName (without it IAM answers about the caller)");
      principal("user", input.UserName);
      return { User: { UserName: input.UserName, Arn: arnOf("user", input.UserName), Path: this.paths.get(`user/${input.UserName}`) ?? "/", UserId: "AIDA", CreateDate: new Date(0) } };
    });
    iam.on(GetRoleCommand).callsFake(async (input) => {
      this.call("iam:GetRole");
      principal("role", input.RoleName);
      return { Role: { RoleName: input.RoleName, Arn: arnOf("role", input.RoleName!), Path: this.paths.get(`role/${input.RoleName}`) ?? "/", RoleId: "AROA", CreateDate: new Date(0) } };
    });
    iam.on(ListAccessKeysCommand).callsFake(async (input) => {
      this.call("iam:ListAccessKeys");
      if (!input.UserName) throw awsError("ValidationError", "the fake needs UserName (without it IAM lists the caller's keys)");
      principal("user", input.UserName);
      const keys = [...this.accessKeys].filter(([, k]) => k.userName === input.UserName);
      return { AccessKeyMetadata: keys.map(([id, k]) => ({ UserName: k.userName, AccessKeyId: id, Status: k.status, CreateDate: new Date(0) })), IsTruncated: false };
    });
    iam.on(UpdateAccessKeyCommand).callsFake(async (input) => {
      this.call("iam:UpdateAccessKey");
      if (!input.UserName) throw awsError("ValidationError", "the fake needs UserName (without it IAM acts on the caller's own key)");
      principal("user", input.UserName);
      const key = this.accessKeys.get(input.AccessKeyId!);
      if (!key || key.userName !== input.UserName) throw awsError("NoSuchEntityException", `The Access Key with id ${input.AccessKeyId} cannot be found.`, { httpStatusCode: 404 });
      if (input.Status !== "Active" && input.Status !== "Inactive") throw awsError("ValidationError", "Status must be Active or Inactive");
      key.status = input.Status;
      return {};
    });
    iam.on(GetUserPolicyCommand).callsFake(getPolicy("user"));
    iam.on(GetRolePolicyCommand).callsFake(getPolicy("role"));
    iam.on(PutUserPolicyCommand).callsFake(putPolicy("user", 2048));
    iam.on(PutRolePolicyCommand).callsFake(putPolicy("role", 10240));
    const cloudtrail = mockClient(CloudTrailClient);
    cloudtrail.on(LookupEventsCommand).callsFake(async (input) => {
      this.call("cloudtrail:LookupEvents");
      if (!this.lookupLimit.take()) throw awsError("ThrottlingException", "Rate exceeded");
      if ((input.MaxResults ?? 50) > 50) throw awsError("InvalidMaxResultsException", "MaxResults must be at most 50");
      if ((input.LookupAttributes?.length ?? 0) !== 1) throw awsError("InvalidLookupAttributesException", "exactly one lookup attribute");
      const attr = input.LookupAttributes![0];
      const matching = this.trailEvents
        .filter((e) => (attr.AttributeKey === "AccessKeyId" ? e.AccessKeyId : e.Username) === attr.AttributeValue)
        .filter((e) => (!input.StartTime || e.EventTime >= input.StartTime) && (!input.EndTime || e.EventTime <= input.EndTime));
      const from = input.NextToken ? Number(input.NextToken.slice(4)) : 0;
      const page = matching.slice(from, from + (input.MaxResults ?? 50));
      const next = from + page.length < matching.length ? `tok-${from + page.length}` : undefined;
      return { Events: page.map(({ AccessKeyId: _a, ...e }) => e), NextToken: next };
    });
    const record = fakeReportedEvents(clock.now, (name) => this.call(name));
    this.answered = record.answered;
    this.reportedIn = record.reportedIn;
    this.reported = record.reported;
    this.bucketChanges = (settings, tableName) => record.breakerIn(BUCKET_BREAKER_KEY, settings.bucketBreaker, tableName);
    this.mocks.push(lambda, sqs, sns, ssm, sfn, s3, iam, cloudtrail, record.stub);
  }

  private call(name: string): void {
    this.calls.push(name);
    const injected = this.fault?.(name);
    if (injected) throw injected;
  }

  restore(): void {
    for (const m of this.mocks) m.restore();
  }

  /** Ends a running execution now, with the given status. */
  endExecution(arn: string, status: Exclude<ExecutionStatus, "RUNNING" | "PENDING_REDRIVE">): void {
    const e = this.execution(arn);
    if (e.status === "RUNNING") Object.assign(e, { status, stoppedMs: this.clock.now() });
  }

  /** An execution as of the fake clock's now: one that has run its course has succeeded. */
  private execution(arn: string) {
    const e = [...this.executions.values()].find((x) => x.arn === arn);
    if (!e) throw awsError("ExecutionDoesNotExist", `Execution Does Not Exist: '${arn}'`);
    if (e.status === "RUNNING" && this.clock.now() >= e.startedMs + this.executionMs) Object.assign(e, { status: "SUCCEEDED", stoppedMs: e.startedMs + this.executionMs });
    return e;
  }
}
