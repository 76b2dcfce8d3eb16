import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { queueBacklogAlarm } from "../alarms";
import { policyDocument, serviceTrustPolicy, Statement } from "../iam/policy";
import type { MemberAccountsArgs } from "../member-accounts";
import { RESPONDER_ROLE_PATH } from "../naming";
import { AccountAccessEnv } from "../runtime/account-access";
import { functionArchive } from "./artifact";
import { type DeadLetterSource, deadLetterQueue, deadLetterQueuePolicy } from "./dead-letters";

/** The Lambda runtime every Kamae function runs on; the bundles are built for it (scripts/bundle-options.mjs). */
export const LAMBDA_RUNTIME = aws.lambda.Runtime.NodeJS24dX;

export interface ResponderFunctionArgs {
  /** Name of the bundle under `dist/functions/` (the entry point `components/<capability>/lambda/<code>.handler.ts`). */
  readonly code: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /** Environment settings; each one documented in the owning component's README. */
  readonly environment?: Record<string, pulumi.Input<string>>;
  /** Exactly what the function may do in AWS, scoped to resource ARNs wherever AWS allows it. */
  readonly statements: readonly Statement[];
  /** Key for the log group, the failure queue and the environment. */
  readonly kmsKey: aws.kms.Key;
  /** Topic that the failure alarm notifies. */
  readonly alarmTopicArn?: pulumi.Input<string>;
  readonly timeoutSeconds?: number;
  readonly memorySize?: number;
  /** Caps concurrent executions: responders that write to rate-limited APIs run as single writers. */
  readonly reservedConcurrency?: number;
  readonly logRetentionDays?: number;
  /** Retries of asynchronous invocations before the event goes to the failure queue (AWS's range 0–2). */
  readonly asyncRetries?: number;
  /** Member accounts the function acts in through their MemberAccountAccess role (shared/aws/account-clients.ts). */
  readonly memberAccounts?: MemberAccountsArgs;
  /** The role session name shown in member accounts' CloudTrail (default kamae-responder). */
  readonly sessionName?: string;
  /**
   * For a role that writes IAM: its own policy is also its permissions boundary, so whatever is attached to the role
   * later it can never do more than this policy, and the policy's Deny statements hold whatever else allows.
   */
  readonly boundedByOwnPolicy?: boolean;
}

/** How EventBridge retries delivering an event to the function before it goes to the failure queue. */
export interface TriggerRetry {
  readonly maximumEventAgeInSeconds: number;
  readonly maximumRetryAttempts: number;
}

/** EventBridge's default retry (24 hours, 185 attempts), written out so every target states it. */
export const DEFAULT_TRIGGER_RETRY: TriggerRetry = { maximumEventAgeInSeconds: 86_400, maximumRetryAttempts: 185 };

/** How the function consumes an SQS queue. */
export interface QueueTriggerArgs {
  readonly batchSize?: number;
  readonly maximumBatchingWindowInSeconds?: number;
  /** Caps the concurrent invocations the queue starts (AWS's minimum 2). */
  readonly maximumConcurrency?: number;
}

/**
 * One Lambda function as every Kamae responder needs it: a role with exactly the given permissions plus its own
 * logging, a KMS-encrypted JSON log group, a KMS-encrypted failure queue that receives events whose processing failed
 * (with the error), and an alarm on that queue. Nothing is lost silently.
 *
 * It also owns its wiring: `subscribe(topic)`, `trigger(rule)` and `consume(queue)` create the permission, the
 * subscription, target or mapping, and the dead-letter delivery to the failure queue, whose policy (TLS only, plus
 * exactly the registered sources) it writes once. Components never create these by hand.
 */
export class ResponderFunction extends pulumi.ComponentResource {
  public readonly function: aws.lambda.Function;
  public readonly role: aws.iam.Role;
  public readonly logGroup: aws.cloudwatch.LogGroup;
  public readonly failureQueue: aws.sqs.Queue;
  public readonly failureAlarm: aws.cloudwatch.MetricAlarm;
  public readonly functionArn: pulumi.Output<string>;
  public readonly roleArn: pulumi.Output<string>;
  private readonly failureSources: DeadLetterSource[] = [];

  constructor(name: string, args: ResponderFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:shared:ResponderFunction", name, {}, opts);
    const parent = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent).partition;
    const region = aws.getRegionOutput({}, parent).region;
    const members = args.memberAccounts;

    this.logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      { namePrefix: `/kamae/${name}-`, retentionInDays: args.logRetentionDays ?? 365, kmsKeyId: args.kmsKey.arn },
      parent,
    );
    this.failureQueue = deadLetterQueue(`${name}-failures`, args.kmsKey.arn, parent);
    const own: Statement[] = [
      {
        sid: "WriteOwnLogs",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [pulumi.interpolate`${this.logGroup.arn}:*`],
      },
      { sid: "ReportFailures", actions: ["sqs:SendMessage"], resources: [this.failureQueue.arn] },
      { sid: "UseOwnKey", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [args.kmsKey.arn] },
    ];
    if (members && members.accountIds.length > 0) {
      own.push({
        sid: "ActInMemberAccounts",
        actions: ["sts:AssumeRole"],
        resources: members.accountIds.map((id) => pulumi.interpolate`arn:${partition}:iam::${id}:role/${members.roleName}`),
      });
    }
    const document = policyDocument([...own, ...args.statements]);
    const boundary = args.boundedByOwnPolicy
      ? new aws.iam.Policy(`${name}-boundary`, { path: RESPONDER_ROLE_PATH, description: `Kamae: permissions boundary of ${name} (its own policy)`, policy: document }, parent)
      : undefined;
    this.role = new aws.iam.Role(
      `${name}-role`,
      {
        path: RESPONDER_ROLE_PATH,
        assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com", identity.accountId),
        description: args.description,
        permissionsBoundary: boundary?.arn,
      },
      parent,
    );
    const policy = new aws.iam.RolePolicy(`${name}-permissions`, { role: this.role.id, policy: document }, parent);

    this.function = new aws.lambda.Function(
      `${name}-function`,
      {
        description: args.description,
        runtime: LAMBDA_RUNTIME,
        architectures: ["arm64"],
        handler: "index.handler",
        code: functionArchive(args.code),
        role: this.role.arn,
        timeout: args.timeoutSeconds ?? 60,
        memorySize: args.memorySize ?? 256,
        reservedConcurrentExecutions: args.reservedConcurrency,
        kmsKeyArn: args.kmsKey.arn,
        loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name, applicationLogLevel: "INFO", systemLogLevel: "WARN" },
        // Responders call only AWS APIs: outside a VPC they need no NAT gateway or interface endpoints to reach them.
        tags: { "kamae:suppress": "lambda-inside-vpc=responders call only AWS APIs, which a VPC would force through NAT or endpoints" },
        environment: {
          variables: {
            NODE_OPTIONS: "--enable-source-maps",
            POWERTOOLS_SERVICE_NAME: `kamae-${args.code}`,
            // The account the function acts in with its own credentials; AccountClients refuses every other account
            // unless it is an enrolled member.
            [AccountAccessEnv.homeAccountId]: identity.accountId,
            // Events naming another Region are refused: the deployment's own, plus those configured.
            [AccountAccessEnv.allowedRegions]: region.apply((own) => [...new Set([own, ...(members?.regions ?? [])])].join(",")),
            ...(members
              ? {
                  [AccountAccessEnv.memberAccountIds]: members.accountIds.join(","),
                  [AccountAccessEnv.memberRoleName]: members.roleName,
                  [AccountAccessEnv.externalId]: members.externalId,
                }
              : {}),
            ...(args.sessionName !== undefined ? { [AccountAccessEnv.sessionName]: args.sessionName } : {}),
            ...(args.environment ?? {}),
          },
        },
      },
      { parent: this, dependsOn: [policy] },
    );
    new aws.lambda.FunctionEventInvokeConfig(
      `${name}-on-failure`,
      {
        functionName: this.function.name,
        maximumRetryAttempts: args.asyncRetries ?? 2,
        destinationConfig: { onFailure: { destination: this.failureQueue.arn } },
      },
      parent,
    );
    this.failureAlarm = queueBacklogAlarm(
      `${name}-failures-alarm`,
      {
        description: `Kamae ${args.code}: events whose processing failed are waiting in the failure queue`,
        queueName: this.failureQueue.name,
        topicArn: args.alarmTopicArn,
        notifyWhenCleared: true,
      },
      parent,
    );
    // Sources register after construction (subscribe, trigger): the policy reads the list once they have.
    deadLetterQueuePolicy(`${name}-failures-policy`, this.failureQueue, this.failureSources, parent);
    this.functionArn = this.function.arn;
    this.roleArn = this.role.arn;
    this.registerOutputs({ functionArn: this.functionArn, roleArn: this.roleArn, failureQueueArn: this.failureQueue.arn });
  }

  /**
   * Invokes the function for each message of an SNS topic: the permission, a subscription created after it (a message
   * delivered earlier would be refused), and a redrive policy that sends undeliverable messages to the failure queue.
   * `formerName`: the name these children had before (kept as an alias, so a rename replaces nothing).
   */
  subscribe(name: string, topicArn: pulumi.Input<string>, formerName?: string): aws.sns.TopicSubscription {
    const aliases = (suffix: string) => (formerName !== undefined ? [{ name: `${formerName}${suffix}` }] : []);
    const permission = new aws.lambda.Permission(
      `${name}-invoke`,
      { action: "lambda:InvokeFunction", function: this.function.name, principal: "sns.amazonaws.com", sourceArn: topicArn },
      { parent: this, aliases: aliases("-invoke") },
    );
    this.failureSources.push({ service: "sns.amazonaws.com", sourceArn: topicArn });
    return new aws.sns.TopicSubscription(
      name,
      {
        topic: topicArn,
        protocol: "lambda",
        endpoint: this.function.arn,
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: this.failureQueue.arn }),
      },
      { parent: this, dependsOn: [permission], aliases: aliases("") },
    );
  }

  /**
   * Invokes the function for each event an EventBridge rule matches: the permission (for this rule and account only)
   * and a target with a retry policy and the failure queue as its dead-letter queue.
   */
  trigger(
    name: string,
    rule: aws.cloudwatch.EventRule,
    options: { retry?: TriggerRetry; input?: pulumi.Input<string>; sourceAccount?: pulumi.Input<string> } = {},
  ): aws.cloudwatch.EventTarget {
    const permission = this.allowInvocation(`${name}-invoke`, "events.amazonaws.com", rule.arn, options.sourceAccount);
    this.failureSources.push({ service: "events.amazonaws.com", sourceArn: rule.arn });
    return new aws.cloudwatch.EventTarget(
      name,
      {
        rule: rule.name,
        eventBusName: rule.eventBusName,
        arn: this.function.arn,
        input: options.input,
        retryPolicy: options.retry ?? DEFAULT_TRIGGER_RETRY,
        deadLetterConfig: { arn: this.failureQueue.arn },
      },
      { parent: this, dependsOn: [permission] },
    );
  }

  /**
   * Consumes an SQS queue with partial batch responses: the handler names the records that failed, only those return
   * to the queue, and the queue's own redrive policy (which the caller sets) moves them to its dead-letter queue.
   */
  consume(name: string, queue: aws.sqs.Queue, args: QueueTriggerArgs = {}): aws.lambda.EventSourceMapping {
    return new aws.lambda.EventSourceMapping(
      name,
      {
        eventSourceArn: queue.arn,
        functionName: this.function.arn,
        batchSize: args.batchSize ?? 10,
        maximumBatchingWindowInSeconds: args.maximumBatchingWindowInSeconds,
        functionResponseTypes: ["ReportBatchItemFailures"],
        scalingConfig: args.maximumConcurrency !== undefined ? { maximumConcurrency: args.maximumConcurrency } : undefined,
      },
      { parent: this },
    );
  }

  /**
   * Lets one AWS service invoke the function for one source: never an open permission. For sources that have no
   * wiring method (an S3 bucket's notifications, an API); their failed asynchronous invocations reach the failure queue
   * through the function's on-failure destination.
   */
  allowInvocation(name: string, principal: string, sourceArn: pulumi.Input<string>, sourceAccount?: pulumi.Input<string>): aws.lambda.Permission {
    return new aws.lambda.Permission(
      name,
      { action: "lambda:InvokeFunction", function: this.function.name, principal, sourceArn, sourceAccount },
      { parent: this },
    );
  }
}
