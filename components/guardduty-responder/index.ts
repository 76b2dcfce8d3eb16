import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secureBucket } from "../shared/secure-bucket";
import { checkedValue, componentError, joinLists, type ListArg, listOutput, plainItems, Validator } from "../shared/validation";
import { policyDocument, serviceTrustPolicy, type Statement } from "../shared/iam/policy";
import { createEncryptionKey } from "../shared/kms";
import { ResponderFunction } from "../shared/infra/responder-function";
import { stateTable } from "../shared/infra/state-table";
import { checkedMemberAccounts, MemberAccountsArgs, validateMemberAccounts } from "../shared/member-accounts";
import { RESPONDER_ROLE_PATH, stableSuffix } from "../shared/naming";
import { type NotificationArgs, reportTopic, validateNotifications } from "../shared/notifications";
import { guardDutyCredentialActStatements, guardDutyResponderActStatements } from "./permissions";
import { validateProtectedPrincipals } from "./lambda/protected-principals";
import { type ActionModes, DEFAULT_ROUTES, eventPattern, type FindingRoute, validateModes, validateRoutes } from "./lambda/routing";
import { BLOCK_TTL_MINUTES, bucketPatterns, BUCKET_BREAKER_MAX, BUCKET_BREAKER_WINDOW_SECONDS, GuardDutyDefaults, LOOKBACK_HOURS, ResponderEnv, StepsEnv } from "./lambda/settings";
import { credentialWorkflowDefinition } from "./workflow";
import { validateStateMachine } from "./workflow-validator";

export { DEFAULT_ROUTES, RECOMMENDED_ROUTES } from "./lambda/routing";
export { FindingSource, ResponseAction, type ActionModes, type FindingRoute } from "./lambda/routing";


export interface GuardDutyResponderArgs {
  /** Routes from findings (source, type prefixes, severity range) to actions. Default: notify every finding. */
  readonly routes?: FindingRoute[];
  /** Mode of each acting action ("enforce" or "detect"); every action is "detect" unless set. */
  readonly modes?: ActionModes;
  /** InstanceIsolation's function ARN (needed by routes that isolate). */
  readonly isolationFunctionArn?: pulumi.Input<string>;
  /** WafAutoBlock's queue ARN (needed by routes that block). */
  readonly wafBlockQueueArn?: pulumi.Input<string>;
  /** WafAutoBlock's queue URL (needed by routes that block). */
  readonly wafBlockQueueUrl?: pulumi.Input<string>;
  /** KMS key of WafAutoBlock's queue, when it is encrypted with a customer-managed key. */
  readonly wafBlockQueueKmsKeyArn?: pulumi.Input<string>;
  /** How long WafAutoBlock keeps a blocked address (minutes). Default 240. */
  readonly blockTtlMinutes?: number;
  /** SSM document that scans an instance for malware (needed by routes that scan); may be an output (`document.name`). */
  readonly scanDocumentName?: pulumi.Input<string>;
  /** Parameters passed to the scan document. */
  readonly scanDocumentParameters?: Record<string, string[]>;
  /** Key for the default encryption that Macie responses set on a bucket; the account's aws/s3 key when omitted. */
  readonly macieBucketKmsKeyArn?: pulumi.Input<string>;
  /** Hours of API activity before the finding that the credential report covers. Default 24. */
  readonly activityLookbackHours?: number;
  /** Existing bucket that receives the report bucket's server access logs; one is created when omitted. */
  readonly reportAccessLogsBucketName?: pulumi.Input<string>;
  /** Where reports go: a created KMS-encrypted topic, or an existing one (with its customer-managed key). */
  readonly notifications?: NotificationArgs;
  /** Retention of the functions' and the workflow's logs (days). Default 365. */
  readonly logRetentionDays?: number;
  /** Member accounts the responders may act in (`regions`: the Regions acted in besides the deployment's own). */
  readonly memberAccounts?: MemberAccountsArgs;
  /**
   * Principals the credential workflow never restricts, only reports: the incident team's break-glass and admin
   * roles or users, as IAM names (`*`/`?` wildcards) or IAM ARN patterns. This component's own roles and the member
   * access role are always protected. The list is also an explicit Deny in the steps' permissions. A role or user
   * created in the same program may be passed as its `arn` or `name`; the whole list may be one output.
   */
  readonly protectedPrincipals?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Buckets that are public on purpose (static websites, public data sets): bucket names, `*`/`?` wildcards. The
   * public-bucket and Macie routes never close them, only report. A bucket can also say so itself with the tag
   * `publicBucketTagKey` = "true" (read from the bucket, never from the finding). A bucket created in the same program
   * may be passed as its `bucket`; the whole list may be one output.
   */
  readonly publicBuckets?: pulumi.Input<pulumi.Input<string>[]>;
  /** The tag key that marks a bucket public on purpose. Default "kamae:intentionally-public". */
  readonly publicBucketTagKey?: string;
  /**
   * Act on GuardDuty sample findings ("Generate sample findings": `service.additionalInfo.sample` true) as if they
   * were real, for a drill. Default false: they are dismissed (logged) and nothing is done or published.
   */
  readonly actOnSampleFindings?: boolean;
  /**
   * The bucket breaker of the public-bucket and Macie routes: past it, buckets are reported with what would change and
   * left as they are.
   */
  readonly bucketBreaker?: BucketBreakerArgs;
}

export interface BucketBreakerArgs {
  /** At most this many buckets changed per window, all findings together (default 5; 0 only reports). */
  readonly maxBuckets?: number;
  /** The sliding window in seconds (default 3600). */
  readonly windowSeconds?: number;
}

const MAX_ROUTES_ENV_BYTES = 2_500;

const check: Validator = new Validator("GuardDutyResponder");

/** Checks a list with the reader the function applies to its setting, so what passes here passes the cold start. */
function settingCheck(what: string, reader: (value: unknown) => unknown, entries: unknown[]): void {
  try {
    reader(entries);
  } catch (err) {
    check.fail(`${what}: ${(err as Error).message}`);
  }
}

/** The function's JSON setting of a list; entries known only at deploy (outputs) are checked then, as plain ones are now. */
function checkedSetting(what: string, reader: (value: unknown) => unknown, entries: ListArg): pulumi.Output<string> {
  return listOutput(entries).apply((values) => {
    try {
      reader(values);
    } catch (err) {
      throw componentError("GuardDutyResponder", `${what}: ${(err as Error).message}`);
    }
    return JSON.stringify(values);
  });
}

/**
 * Responds to GuardDuty and Amazon Macie findings by severity and type: EventBridge rules built from typed routes
 * invoke a responder that plans (pure) and runs each routed action, every one opt-in and in detect mode until
 * enforced: notify; isolate the instance (InstanceIsolation); Run Command an anti-malware scan; block the remote
 * address (WafAutoBlock); start a Step Functions workflow for compromised credentials (notify, deny sessions issued
 * before now, report the principal's recent API activity to S3, notify); Block Public Access on a public bucket;
 * and, for Macie sensitive-data findings, Block Public Access + default KMS encryption + a deny-non-TLS policy.
 */
export class GuardDutyResponder extends pulumi.ComponentResource {
  /** The topic reports go to (created or given). */
  public readonly topicArn: pulumi.Output<string>;
  /** The function that plans and runs each finding's actions. */
  public readonly responderFunctionArn: pulumi.Output<string>;
  /** The credential workflow (empty unless a route restricts credentials). */
  public readonly stateMachineArn: pulumi.Output<string>;
  /** The bucket of the credential workflow's activity reports (empty unless a route restricts credentials). */
  public readonly reportBucketName: pulumi.Output<string>;
  /** The key created here for the topic, queues, logs and report bucket. */
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** The EventBridge rules of the routes' findings. */
  public readonly ruleArns: pulumi.Output<string>[];

  constructor(name: string, args: GuardDutyResponderArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:GuardDutyResponder", name, args, opts);
    const parent = { parent: this };

    let routes: FindingRoute[];
    let modes: ActionModes;
    try {
      routes = validateRoutes(args.routes ?? [...DEFAULT_ROUTES]);
      modes = validateModes(args.modes);
    } catch (err) {
      check.fail((err as Error).message);
    }
    const routesJson = JSON.stringify(routes);
    if (Buffer.byteLength(routesJson) > MAX_ROUTES_ENV_BYTES) check.fail(`the routes take ${Buffer.byteLength(routesJson)} bytes of the function's 4 KB environment; at most ${MAX_ROUTES_ENV_BYTES}`);
    const used = new Set(routes.flatMap((r) => r.actions));
    if (used.has("isolate") && args.isolationFunctionArn === undefined) check.fail("a route isolates instances: set isolationFunctionArn (InstanceIsolation's function)");
    if (used.has("block") && (args.wafBlockQueueArn === undefined || args.wafBlockQueueUrl === undefined)) check.fail("a route blocks addresses: set wafBlockQueueArn and wafBlockQueueUrl (WafAutoBlock's queue)");
    if (used.has("scan") && args.scanDocumentName === undefined) check.fail("a route scans instances: set scanDocumentName (the anti-malware SSM document)");
    check.ssmDocumentName("scanDocumentName", args.scanDocumentName);
    for (const [k, v] of Object.entries(args.scanDocumentParameters ?? {})) {
      if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) check.fail(`scanDocumentParameters.${k} must be a list of strings`);
    }
    const ttl = args.blockTtlMinutes ?? GuardDutyDefaults.blockTtlMinutes;
    check.integer("blockTtlMinutes", ttl, BLOCK_TTL_MINUTES.min, BLOCK_TTL_MINUTES.max);
    const lookback = args.activityLookbackHours ?? GuardDutyDefaults.lookbackHours;
    // 90 days: CloudTrail's event history.
    check.integer("activityLookbackHours", lookback, LOOKBACK_HOURS.min, LOOKBACK_HOURS.max);
    const bucketBreaker = { maxBuckets: args.bucketBreaker?.maxBuckets ?? GuardDutyDefaults.bucketBreakerMax, windowSeconds: args.bucketBreaker?.windowSeconds ?? GuardDutyDefaults.bucketBreakerWindowSeconds };
    check.integer("bucketBreaker.maxBuckets", bucketBreaker.maxBuckets, BUCKET_BREAKER_MAX.min, BUCKET_BREAKER_MAX.max);
    check.integer("bucketBreaker.windowSeconds", bucketBreaker.windowSeconds, BUCKET_BREAKER_WINDOW_SECONDS.min, BUCKET_BREAKER_WINDOW_SECONDS.max);
    check.arn("isolationFunctionArn", args.isolationFunctionArn, "lambda");
    check.arn("wafBlockQueueArn", args.wafBlockQueueArn, "sqs");
    check.arn("wafBlockQueueKmsKeyArn", args.wafBlockQueueKmsKeyArn, "kms");
    check.arn("macieBucketKmsKeyArn", args.macieBucketKmsKeyArn, "kms");
    check.bucketName("reportAccessLogsBucketName", args.reportAccessLogsBucketName);
    check.logRetentionDays("logRetentionDays", args.logRetentionDays);
    validateNotifications(check, args.notifications);
    validateMemberAccounts("GuardDutyResponder", args.memberAccounts);
    const credentials = used.has("restrictCredentials");
    settingCheck("publicBuckets", bucketPatterns, plainItems(args.publicBuckets));
    if (args.actOnSampleFindings !== undefined && typeof args.actOnSampleFindings !== "boolean") check.fail("actOnSampleFindings must be true or false");
    if (args.publicBucketTagKey !== undefined && !/^[\w.:/=+@ -]{1,128}$/.test(args.publicBucketTagKey)) check.fail(`publicBucketTagKey "${args.publicBucketTagKey}" is not a tag key`);
    settingCheck("protectedPrincipals", validateProtectedPrincipals, plainItems(args.protectedPrincipals));
    const members = checkedMemberAccounts("GuardDutyResponder", args.memberAccounts);
    // Kamae's own roles (every responder's, under RESPONDER_ROLE_PATH) and the member access role are never restricted.
    const protectedPrincipals = joinLists(args.protectedPrincipals ?? [], [`arn:*:iam::*:role${RESPONDER_ROLE_PATH}*`, ...(members ? [members.roleName] : [])]);

    const identity = aws.getCallerIdentityOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent);
    const part = partition.partition;
    const key = createEncryptionKey(
      `${name}-key`,
      {
        description: `Kamae GuardDutyResponder ${name}: notifications, workflow, reports, logs`,
        servicePrincipals: ["cloudwatch.amazonaws.com", "events.amazonaws.com"],
        allowCloudWatchLogs: true,
      },
      parent,
    );
    this.kmsKeyArn = key.arn;
    const notify = reportTopic(`${name}-topic`, args.notifications, key, parent);
    const topicArn = notify.topicArn;

    const scanDocumentName = args.scanDocumentName === undefined ? undefined : checkedValue(args.scanDocumentName, (d) => check.ssmDocumentName("scanDocumentName", d));
    const home = { partition: part, accountId: identity.accountId, actions: [...used], scanDocumentName, protectedPrincipals };

    // The credential workflow: report bucket, steps function, state machine (created only when a route uses it).
    let stateMachineArn: pulumi.Output<string> = pulumi.output("");
    let reportBucketName: pulumi.Output<string> = pulumi.output("");
    if (credentials) {
      const reports = secureBucket(`${name}-reports`, { kmsKeyArn: key.arn, accessLogBucketName: args.reportAccessLogsBucketName }, parent);
      reportBucketName = reports.bucket.bucket;
      const steps = new ResponderFunction(
        `${name}-credential-steps`,
        {
          code: "guardduty-credential-steps",
          description: `Kamae GuardDutyResponder ${name}: restricts a compromised principal and reports its recent API activity`,
          kmsKey: key,
          alarmTopicArn: topicArn,
          timeoutSeconds: 300,
          logRetentionDays: args.logRetentionDays,
          asyncRetries: 0,
          // It writes IAM policies: nothing attached to its role later can widen it, nor lift its denies.
          boundedByOwnPolicy: true,
          statements: [
            ...guardDutyCredentialActStatements(home),
            { sid: "WriteReports", actions: ["s3:PutObject"], resources: [pulumi.interpolate`${reports.bucket.arn}/credential-activity/*`] },
          ],
          memberAccounts: members,
          environment: {
            [StepsEnv.reportBucket]: reports.bucket.bucket,
            [StepsEnv.reportKmsKeyArn]: key.arn,
            [StepsEnv.lookbackHours]: String(lookback),
            [StepsEnv.protectedPrincipals]: checkedSetting("protectedPrincipals", validateProtectedPrincipals, protectedPrincipals),
          },
        },
        parent,
      );
      const workflowLogs = new aws.cloudwatch.LogGroup(
        `${name}-workflow-logs`,
        { namePrefix: `/aws/vendedlogs/states/kamae-${name}-`, retentionInDays: args.logRetentionDays ?? 365, kmsKeyId: key.arn },
        parent,
      );
      const workflowRole = new aws.iam.Role(`${name}-workflow-role`, { path: RESPONDER_ROLE_PATH, assumeRolePolicy: serviceTrustPolicy("states.amazonaws.com", identity.accountId), description: "Kamae credential compromise workflow" }, parent);
      const workflowPolicy = new aws.iam.RolePolicy(
        `${name}-workflow-permissions`,
        {
          role: workflowRole.id,
          policy: policyDocument([
            { sid: "RunSteps", actions: ["lambda:InvokeFunction"], resources: [steps.functionArn] },
            { sid: "UseKey", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [key.arn] },
            ...notify.publishStatements,
            {
              sid: "LogDeliveryIsNotResourceScoped",
              actions: ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"],
              resources: ["*"],
            },
          ]),
        },
        parent,
      );
      const definition = pulumi.all([steps.functionArn, topicArn]).apply(([functionArn, topic]) => {
        const d = credentialWorkflowDefinition({ functionArn, topicArn: topic });
        const errors = validateStateMachine(d);
        if (errors.length > 0) check.fail(`the credential workflow is invalid: ${errors.join("; ")}`);
        return JSON.stringify(d);
      });
      const machine = new aws.sfn.StateMachine(
        `${name}-credential-workflow`,
        {
          roleArn: workflowRole.arn,
          definition,
          type: "STANDARD",
          loggingConfiguration: { logDestination: pulumi.interpolate`${workflowLogs.arn}:*`, includeExecutionData: true, level: "ALL" },
          encryptionConfiguration: { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: key.arn, kmsDataKeyReusePeriodSeconds: 300 },
        },
        { parent: this, dependsOn: [workflowPolicy] },
      );
      stateMachineArn = machine.arn;
    }

    // Findings already answered, by id and update time: a redelivery or a redrive publishes no second report.
    const answered = stateTable(`${name}-answered`, { kmsKeyArn: key.arn, hashKey: "pk", ttlAttribute: "expiresAt" }, parent);

    const statements: Statement[] = [...notify.publishStatements, { sid: "AnsweredFindings", actions: ["dynamodb:GetItem", "dynamodb:PutItem"], resources: [answered.arn] }];
    if (used.has("isolate")) statements.push({ sid: "AskInstanceIsolation", actions: ["lambda:InvokeFunction"], resources: [args.isolationFunctionArn!] });
    if (used.has("block")) {
      statements.push({ sid: "AskWafAutoBlock", actions: ["sqs:SendMessage"], resources: [args.wafBlockQueueArn!] });
      if (args.wafBlockQueueKmsKeyArn !== undefined) statements.push({ sid: "EncryptForWafQueue", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [args.wafBlockQueueKmsKeyArn] });
    }
    statements.push(...guardDutyResponderActStatements(home));
    if (credentials) {
      statements.push({ sid: "StartCredentialWorkflow", actions: ["states:StartExecution"], resources: [stateMachineArn] });
      // A replayed finding finds its execution (running or finished) and reports "already", not "done".
      const executions = pulumi.output(stateMachineArn).apply((arn) => `${arn.replace(":stateMachine:", ":execution:")}:*`);
      statements.push({ sid: "FindCredentialWorkflowRuns", actions: ["states:DescribeExecution"], resources: [executions] });
    }

    const responder = new ResponderFunction(
      `${name}-responder`,
      {
        code: "guardduty-responder",
        description: `Kamae GuardDutyResponder ${name}: routes GuardDuty and Macie findings to responses`,
        kmsKey: key,
        alarmTopicArn: topicArn,
        statements,
        timeoutSeconds: 120,
        logRetentionDays: args.logRetentionDays,
        environment: {
          [ResponderEnv.routes]: routesJson,
          // Every routed action's mode written out: what is not set is detect, visible in the function's settings.
          [ResponderEnv.actionModes]: JSON.stringify(Object.fromEntries([...used].filter((a) => a !== "notify").sort().map((a) => [a, modes[a] ?? "detect"]))),
          [ResponderEnv.topicArn]: topicArn,
          [ResponderEnv.tableName]: answered.name,
          [ResponderEnv.actOnSampleFindings]: String(args.actOnSampleFindings ?? GuardDutyDefaults.actOnSampleFindings),
          [ResponderEnv.blockTtlMinutes]: String(ttl),
          [ResponderEnv.bucketBreakerMax]: String(bucketBreaker.maxBuckets),
          [ResponderEnv.bucketBreakerWindowSeconds]: String(bucketBreaker.windowSeconds),
          ...(used.has("isolate") ? { [ResponderEnv.isolationFunctionArn]: args.isolationFunctionArn! } : {}),
          ...(used.has("block") ? { [ResponderEnv.wafBlockQueueUrl]: args.wafBlockQueueUrl! } : {}),
          ...(used.has("scan") ? { [ResponderEnv.scanDocumentName]: scanDocumentName!, [ResponderEnv.scanDocumentParameters]: JSON.stringify(args.scanDocumentParameters ?? {}) } : {}),
          ...(credentials ? { [ResponderEnv.credentialWorkflowArn]: stateMachineArn } : {}),
          ...(args.macieBucketKmsKeyArn !== undefined ? { [ResponderEnv.macieBucketKmsKeyArn]: args.macieBucketKmsKeyArn } : {}),
          ...(args.publicBuckets !== undefined ? { [ResponderEnv.publicBuckets]: checkedSetting("publicBuckets", bucketPatterns, args.publicBuckets) } : {}),
          ...(args.publicBucketTagKey !== undefined ? { [ResponderEnv.publicBucketTagKey]: args.publicBucketTagKey } : {}),
        },
        memberAccounts: members,
      },
      parent,
    );

    // One rule per source, the routes' patterns joined with $or: a finding matching two routes invokes the responder once.
    this.ruleArns = (["guardduty", "macie"] as const)
      .filter((source) => routes.some((r) => (r.source ?? "guardduty") === source))
      .map((source) => {
        const patterns = routes.filter((r) => (r.source ?? "guardduty") === source).map(eventPattern);
        const details = patterns.map((p) => p.detail);
        const pattern = details.some((d) => d === undefined) ? { ...patterns[0], detail: undefined } : { source: patterns[0].source, "detail-type": patterns[0]["detail-type"], $or: details.map((detail) => ({ detail })) };
        const rule = new aws.cloudwatch.EventRule(
          `${name}-${source}-${stableSuffix(JSON.stringify(pattern))}`,
          { description: `Kamae GuardDutyResponder ${name}: ${source} findings routed to responses`, eventPattern: JSON.stringify(pattern) },
          parent,
        );
        responder.trigger(`${name}-${source}-target`, rule, { retry: { maximumRetryAttempts: 8, maximumEventAgeInSeconds: 86400 }, sourceAccount: identity.accountId });
        return rule.arn;
      });

    this.topicArn = topicArn;
    this.responderFunctionArn = responder.functionArn;
    this.stateMachineArn = stateMachineArn;
    this.reportBucketName = reportBucketName;
    this.registerOutputs({
      topicArn: this.topicArn,
      responderFunctionArn: this.responderFunctionArn,
      stateMachineArn: this.stateMachineArn,
      reportBucketName: this.reportBucketName,
      kmsKeyArn: this.kmsKeyArn,
      ruleArns: this.ruleArns,
    });
  }
}
