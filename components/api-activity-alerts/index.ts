import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy, type Statement } from "../shared/iam/policy";
import { createEncryptionKey } from "../shared/kms";
import { ResponderFunction } from "../shared/infra/responder-function";
import { stateTable } from "../shared/infra/state-table";
import { checkedMemberAccounts, MemberAccountsArgs, validateMemberAccounts } from "../shared/member-accounts";
import { type NotificationArgs, reportTopic, validateNotifications } from "../shared/notifications";
import { type ActivityRule, validateRules } from "./lambda/rules";
import { ActivityDefaults, ActivityEnv, MESSAGE_BYTES } from "./lambda/settings";
import { secureBucket } from "../shared/secure-bucket";
import { LAMBDA_MEMORY_MB, Validator } from "../shared/validation";
import { apiActivityActStatements } from "./permissions";

export { ActivityRuleEffect, TimeWindowsMatch, Weekday, type ActivityRule, type TimeWindow } from "./lambda/rules";

export interface ApiActivityAlertsArgs {
  /**
   * The rules: which calls a human must review (include) and which never (exclude). At least one include rule; at most
   * 100, and 3,000 bytes as JSON (Lambda's environment holds 4 KB).
   */
  readonly rules: ActivityRule[];
  /** Drop calls that AWS services made by themselves (AWSService identities, service-linked roles, "AWS Internal"). Default true. */
  readonly excludeAwsServiceCalls?: boolean;
  /** Name of an existing trail's bucket to read instead of creating a trail. */
  readonly existingTrailBucketName?: pulumi.Input<string>;
  /** ARN of an existing trail's bucket (alternative to the name). */
  readonly existingTrailBucketArn?: pulumi.Input<string>;
  /** KMS key that encrypts the existing trail's files: the function is granted `kms:Decrypt` on it. */
  readonly existingTrailKmsKeyArn?: pulumi.Input<string>;
  /**
   * Turn on EventBridge notifications of the existing bucket. This replaces the bucket's notification configuration: if
   * it already notifies elsewhere, leave this off and enable EventBridge yourself.
   */
  readonly enableBucketEventBridge?: boolean;
  /** Name of the multi-region trail created when no existing bucket is given. Default "kamae-<name>". */
  readonly trailName?: string;
  /** Deliver the created trail's events to a CloudWatch Logs group too (KMS, retention). Default true. */
  readonly trailCloudWatchLogs?: boolean;
  /**
   * Record S3 data events in the created trail. Default false: every object read and write would become a record to
   * filter; the pack's advisory `cloudtrail-s3-dataevents-enabled` stays until another trail records them.
   */
  readonly trailS3DataEvents?: boolean;
  /** Existing bucket that receives the created trail bucket's server access logs; one is created when omitted. */
  readonly accessLogsBucketName?: pulumi.Input<string>;
  /** Where reports go: a created KMS-encrypted topic, or an existing one (with its customer-managed key). */
  readonly notifications?: NotificationArgs;
  /** Largest SNS message sent (bytes, 8 KiB–255 KiB). Default 250,000. */
  readonly maxMessageBytes?: number;
  /** Memory of the filter function (MB). Default 512. */
  readonly memorySize?: number;
  /** Timeout of the filter function (seconds). Default 300. */
  readonly timeoutSeconds?: number;
  /** Retention of the function's logs (days). Default 365. */
  readonly logRetentionDays?: number;
  /** Member accounts the function may act in (reads only). */
  readonly memberAccounts?: MemberAccountsArgs;
}

/** Lambda's environment holds 4 KB in all: the rules must leave room for the other settings. */
const MAX_RULES_ENV_BYTES = 3_000;

const check: Validator = new Validator("ApiActivityAlerts");

/**
 * Notifies only the API activity a human must review. Reads each new CloudTrail file of an existing trail's bucket, or
 * of a multi-region trail it creates (KMS-encrypted, log file validation on, bucket passing the policy pack), applies
 * typed include/exclude rules (and drops calls AWS services made by themselves), and publishes the matching calls to
 * SNS in batches below the message size limit.
 */
export class ApiActivityAlerts extends pulumi.ComponentResource {
  /** The topic alerts go to (created or given). */
  public readonly topicArn: pulumi.Output<string>;
  /** The filter function. */
  public readonly functionArn: pulumi.Output<string>;
  /** The bucket the function reads trail files from (created or given). */
  public readonly bucketName: pulumi.Output<string>;
  /** The created trail's ARN; undefined when an existing bucket is read. */
  public readonly trailArn: pulumi.Output<string | undefined>;
  /** The key created here: the created topic, trail, trail bucket and log group, and the function's queue and logs. */
  public readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: ApiActivityAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:ApiActivityAlerts", name, args, opts);
    const parent = { parent: this };

    let rules: ActivityRule[];
    try {
      rules = validateRules(args.rules);
    } catch (err) {
      check.fail((err as Error).message);
    }
    const rulesJson = JSON.stringify(rules);
    if (Buffer.byteLength(rulesJson) > MAX_RULES_ENV_BYTES) {
      check.fail(`the rules take ${Buffer.byteLength(rulesJson)} bytes; Lambda's environment (4 KB in all) leaves ${MAX_RULES_ENV_BYTES} for them: merge rules`);
    }
    const maxMessageBytes = args.maxMessageBytes ?? ActivityDefaults.maxMessageBytes;
    check.integer("maxMessageBytes", maxMessageBytes, MESSAGE_BYTES.min, MESSAGE_BYTES.max);
    check.integer("memorySize", args.memorySize, LAMBDA_MEMORY_MB.min, LAMBDA_MEMORY_MB.max);
    check.integer("timeoutSeconds", args.timeoutSeconds, 1, 900);
    check.logRetentionDays("logRetentionDays", args.logRetentionDays);
    check.bucketName("existingTrailBucketName", args.existingTrailBucketName);
    check.bucketName("accessLogsBucketName", args.accessLogsBucketName);
    check.arn("existingTrailKmsKeyArn", args.existingTrailKmsKeyArn, "kms");
    validateNotifications(check, args.notifications);
    const existing = args.existingTrailBucketName ?? args.existingTrailBucketArn;
    if (args.existingTrailBucketName !== undefined && args.existingTrailBucketArn !== undefined) check.fail("give existingTrailBucketName or existingTrailBucketArn, not both");
    if (existing === undefined && (args.existingTrailKmsKeyArn !== undefined || args.enableBucketEventBridge)) check.fail("existingTrailKmsKeyArn and enableBucketEventBridge apply only to an existing trail bucket");
    if (existing !== undefined && (args.trailName !== undefined || args.accessLogsBucketName !== undefined || args.trailCloudWatchLogs !== undefined || args.trailS3DataEvents !== undefined)) {
      check.fail("trailName, accessLogsBucketName, trailCloudWatchLogs and trailS3DataEvents apply only to a created trail");
    }
    if (typeof args.existingTrailBucketArn === "string" && !/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(args.existingTrailBucketArn)) {
      check.fail(`existingTrailBucketArn "${args.existingTrailBucketArn}" is not an S3 bucket ARN`);
    }
    if (args.trailName !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/.test(args.trailName)) check.fail(`trailName "${args.trailName}" is not a valid trail name`);
    validateMemberAccounts("ApiActivityAlerts", args.memberAccounts);

    const identity = aws.getCallerIdentityOutput({}, parent);
    const region = aws.getRegionOutput({}, parent);
    const partition = aws.getPartitionOutput({}, parent);
    const trailName = args.trailName ?? `kamae-${name}`;
    const trailArn = pulumi.interpolate`arn:${partition.partition}:cloudtrail:${region.region}:${identity.accountId}:trail/${trailName}`;

    const key = createEncryptionKey(
      `${name}-key`,
      {
        description: `Kamae ApiActivityAlerts ${name}: trail files, alerts topic, function logs`,
        servicePrincipals: existing === undefined ? ["cloudtrail.amazonaws.com", "cloudwatch.amazonaws.com"] : ["cloudwatch.amazonaws.com", "events.amazonaws.com"],
        allowCloudWatchLogs: true,
        extraStatements:
          existing === undefined
            ? [{ Sid: "CloudTrailDescribesKey", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:DescribeKey", Resource: "*" }]
            : [],
      },
      parent,
    );
    this.kmsKeyArn = key.arn;

    let bucketName: pulumi.Output<string>;
    let bucketArn: pulumi.Output<string>;
    let trail: aws.cloudtrail.Trail | undefined;
    if (existing === undefined) {
      const trailBucket = secureBucket(
        `${name}-trail`,
        {
          kmsKeyArn: key.arn,
          accessLogBucketName: args.accessLogsBucketName,
          extraStatements: (arn) => [
            pulumi.all([arn, trailArn]).apply(([b, t]) => ({
              Sid: "CloudTrailChecksAcl",
              Effect: "Allow",
              Principal: { Service: "cloudtrail.amazonaws.com" },
              Action: "s3:GetBucketAcl",
              Resource: b,
              Condition: { StringEquals: { "aws:SourceArn": t } },
            })),
            pulumi.all([arn, trailArn, identity.accountId]).apply(([b, t, account]) => ({
              Sid: "CloudTrailWritesLogs",
              Effect: "Allow",
              Principal: { Service: "cloudtrail.amazonaws.com" },
              Action: "s3:PutObject",
              Resource: `${b}/AWSLogs/${account}/*`,
              Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": t } },
            })),
          ],
        },
        parent,
      );
      bucketName = trailBucket.bucket.bucket;
      bucketArn = trailBucket.bucket.arn;
      const dependsOn: pulumi.Resource[] = [trailBucket.policy, key];
      let cloudWatch: { cloudWatchLogsGroupArn: pulumi.Output<string>; cloudWatchLogsRoleArn: pulumi.Output<string> } | undefined;
      if (args.trailCloudWatchLogs ?? true) {
        const group = new aws.cloudwatch.LogGroup(`${name}-trail-events`, { retentionInDays: args.logRetentionDays ?? 365, kmsKeyId: key.arn }, parent);
        const role = new aws.iam.Role(`${name}-trail-events-role`, { assumeRolePolicy: serviceTrustPolicy("cloudtrail.amazonaws.com", identity.accountId), description: "CloudTrail delivers events to CloudWatch Logs" }, parent);
        dependsOn.push(
          new aws.iam.RolePolicy(
            `${name}-trail-events-permissions`,
            { role: role.id, policy: policyDocument([{ sid: "DeliverTrailEvents", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [pulumi.interpolate`${group.arn}:log-stream:*`] }]) },
            parent,
          ),
        );
        cloudWatch = { cloudWatchLogsGroupArn: pulumi.interpolate`${group.arn}:*`, cloudWatchLogsRoleArn: role.arn };
      }
      trail = new aws.cloudtrail.Trail(
        `${name}-trail`,
        {
          name: trailName,
          s3BucketName: trailBucket.bucket.id,
          isMultiRegionTrail: true,
          includeGlobalServiceEvents: true,
          enableLogFileValidation: true,
          enableLogging: true,
          kmsKeyId: key.arn,
          ...(cloudWatch ?? {}),
          ...(args.trailS3DataEvents
            ? { eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: [pulumi.interpolate`arn:${partition.partition}:s3`] }] }] }
            : {}),
        },
        { parent: this, dependsOn },
      );
    } else {
      bucketName = args.existingTrailBucketName !== undefined ? pulumi.output(args.existingTrailBucketName) : pulumi.output(args.existingTrailBucketArn!).apply((arn) => arn.replace(/^arn:[^:]+:s3:::/, ""));
      bucketArn = pulumi.interpolate`arn:${partition.partition}:s3:::${bucketName}`;
    }

    const reports = reportTopic(`${name}-topic`, args.notifications, key, parent);
    const topicArn = reports.topicArn;

    // Log files already answered: a redelivered notification or a redrive sends no alert twice.
    const answered = stateTable(`${name}-answered`, { kmsKeyArn: key.arn, hashKey: "pk", ttlAttribute: "expiresAt" }, parent);
    const statements: Statement[] = [
      ...apiActivityActStatements({ partition: partition.partition, trailBucketNames: [bucketName], trailKmsKeyArns: args.existingTrailKmsKeyArn !== undefined ? [args.existingTrailKmsKeyArn] : [] }),
      ...reports.publishStatements,
      { sid: "AnsweredLogFiles", actions: ["dynamodb:GetItem", "dynamodb:PutItem"], resources: [answered.arn] },
    ];

    const fn = new ResponderFunction(
      `${name}-filter`,
      {
        code: "api-activity-filter",
        description: `Kamae ApiActivityAlerts ${name}: filters new CloudTrail files and notifies the calls to review`,
        kmsKey: key,
        alarmTopicArn: topicArn,
        statements,
        timeoutSeconds: args.timeoutSeconds ?? 300,
        memorySize: args.memorySize ?? 512,
        logRetentionDays: args.logRetentionDays,
        memberAccounts: checkedMemberAccounts("ApiActivityAlerts", args.memberAccounts),
        environment: {
          [ActivityEnv.rules]: rulesJson,
          [ActivityEnv.excludeAwsServiceCalls]: String(args.excludeAwsServiceCalls ?? ActivityDefaults.excludeAwsServiceCalls),
          [ActivityEnv.topicArn]: topicArn,
          [ActivityEnv.maxMessageBytes]: String(maxMessageBytes),
          [ActivityEnv.tableName]: answered.name,
        },
      },
      parent,
    );

    if (existing === undefined) {
      const permission = fn.allowInvocation(`${name}-s3-invokes`, "s3.amazonaws.com", bucketArn, identity.accountId);
      new aws.s3.BucketNotification(
        `${name}-new-files`,
        { bucket: bucketName, lambdaFunctions: [{ lambdaFunctionArn: fn.functionArn, events: ["s3:ObjectCreated:*"], filterSuffix: ".json.gz" }] },
        { parent: this, dependsOn: [permission] },
      );
    } else {
      if (args.enableBucketEventBridge) new aws.s3.BucketNotification(`${name}-bucket-eventbridge`, { bucket: bucketName, eventbridge: true }, parent);
      const rule = new aws.cloudwatch.EventRule(
        `${name}-new-files`,
        {
          description: `Kamae ApiActivityAlerts ${name}: new CloudTrail files of the existing trail bucket`,
          eventPattern: bucketName.apply((b) =>
            JSON.stringify({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [b] }, object: { key: [{ wildcard: "*/CloudTrail/*.json.gz" }] } } }),
          ),
        },
        parent,
      );
      fn.trigger(`${name}-new-files-target`, rule, { retry: { maximumRetryAttempts: 8, maximumEventAgeInSeconds: 86400 }, sourceAccount: identity.accountId });
    }

    this.topicArn = topicArn;
    this.functionArn = fn.functionArn;
    this.bucketName = bucketName;
    this.trailArn = trail ? trail.arn : pulumi.output(undefined);
    this.registerOutputs({ topicArn: this.topicArn, functionArn: this.functionArn, bucketName: this.bucketName, trailArn: this.trailArn, kmsKeyArn: this.kmsKeyArn });
  }
}
