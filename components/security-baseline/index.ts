import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsConfigRules, AwsConfigRuleSpec } from "../../policies/catalog";
import { policyDocument, serviceTrustPolicy } from "../shared/iam/policy";
import { createEncryptionKey } from "../shared/kms";
import { stableSuffix } from "../shared/naming";
import { type SecureBucket, secureBucket } from "../shared/secure-bucket";
import { Validator } from "../shared/validation";

const check: Validator = new Validator("SecurityBaseline");

export interface SecurityBaselineArgs {
  /** Deploy the policy catalog as AWS Config managed rules (default true). */
  readonly configRules?: boolean;
  /** Catalog rule ids not to deploy as AWS Config rules (for example rules another stack deploys). */
  readonly excludeConfigRules?: string[];
  /**
   * Prefix of the AWS Config rule, trail and association names, unique per account and Region: at most 40 safe
   * characters (default "kamae-").
   */
  readonly configRuleNamePrefix?: string;
  /** An AWS Config recorder and delivery channel already exist in this account and Region (default false: create them). */
  readonly existingConfigRecorder?: boolean;
  /** Enable a GuardDuty detector (default true; false when the organization's delegated administrator enables it). */
  readonly guardDuty?: boolean;
  /** Enable Security Hub: consolidated control findings, no default standards (default true). */
  readonly securityHub?: boolean;
  /** Security Hub standards to subscribe to: ARNs, or ids such as "aws-foundational-security-best-practices/v/1.0.0". */
  readonly securityHubStandards?: string[];
  /** Create a multi-region CloudTrail trail with KMS encryption, log file validation and CloudWatch Logs (default true). */
  readonly cloudTrail?: boolean;
  /** Record S3 object-level data events of all buckets in the trail (default true). */
  readonly cloudTrailS3DataEvents?: boolean;
  /** Turn on the account-level S3 Block Public Access, all four settings (default true). */
  readonly s3AccountPublicAccessBlock?: boolean;
  /** Turn on EBS encryption by default for the Region (default true). */
  readonly ebsEncryptionByDefault?: boolean;
  /** Gather software inventory from every managed instance with SSM, every 12 hours (default true). */
  readonly softwareInventory?: boolean;
  /**
   * Applications that must not be installed on managed instances (name or name:version, no commas; none both blocked
   * and required): an AWS Config rule reports them.
   */
  readonly blockedApplications?: string[];
  /** Applications that must be installed on every managed instance: an AWS Config rule reports instances without them. */
  readonly requiredApplications?: string[];
  /**
   * Existing KMS key for the trail, the buckets, the log group and Config delivery; its policy must allow CloudTrail,
   * Config, CloudWatch Logs and S3 logging (default: a new key with rotation).
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Existing bucket that receives the audit bucket's server access logs (default: a new access-log bucket). */
  readonly accessLogBucketName?: pulumi.Input<string>;
  /** Days the trail's CloudWatch log group keeps events, one of the values CloudWatch Logs accepts (default 365). */
  readonly trailLogRetentionDays?: number;
}

/** AWS Config caps a rule's inputParameters at 1,024 characters. */
const MAX_INPUT_PARAMETERS = 1024;
const APPLICATION_RULES = { blocked: "ec2-managedinstance-applications-blacklisted", required: "ec2-managedinstance-applications-required" } as const;

function validateApplications(what: string, names: readonly string[] | undefined): string[] {
  const list = [...(names ?? [])];
  for (const n of list) {
    if (typeof n !== "string" || n.trim() === "" || n.includes(",")) check.fail(`${what} entry ${JSON.stringify(n)} must be a non-empty application name without commas`);
  }
  if (new Set(list).size !== list.length) check.fail(`${what} lists an application twice`);
  return list;
}

/** The AWS Config rules the baseline deploys: the catalog's, with the application lists as their parameters. */
export function baselineConfigRules(args: Pick<SecurityBaselineArgs, "configRules" | "excludeConfigRules" | "blockedApplications" | "requiredApplications">): AwsConfigRuleSpec[] {
  const blocked = validateApplications("blockedApplications", args.blockedApplications);
  const required = validateApplications("requiredApplications", args.requiredApplications);
  const both = blocked.filter((a) => required.includes(a));
  if (both.length > 0) check.fail(`${both.join(", ")} is both blocked and required`);
  const specs = awsConfigRules({
    parameters: { [APPLICATION_RULES.blocked]: { applicationNames: blocked }, [APPLICATION_RULES.required]: { applicationNames: required } },
    exclude: args.excludeConfigRules,
  });
  const chosen = args.configRules === false ? specs.filter((s) => s.name === APPLICATION_RULES.blocked || s.name === APPLICATION_RULES.required) : specs;
  for (const s of chosen) {
    if ((s.inputParameters?.length ?? 0) > MAX_INPUT_PARAMETERS) check.fail(`the parameters of ${s.name} exceed AWS Config's ${MAX_INPUT_PARAMETERS} characters`);
  }
  return chosen;
}

/** A Security Hub standard's ARN from its id (`aws-foundational-security-best-practices/v/1.0.0`) or ARN. */
export function standardArn(standard: string, partition: string, region: string): string {
  if (standard.startsWith("arn:")) return standard;
  if (!/^[a-z0-9-]+\/v\/[0-9.]+$/.test(standard)) check.fail(`"${standard}" is neither a standard ARN nor an id like aws-foundational-security-best-practices/v/1.0.0`);
  // CIS 1.2.0 is the one standard published as a global ruleset.
  if (standard === "cis-aws-foundations-benchmark/v/1.2.0") return `arn:${partition}:securityhub:::ruleset/${standard}`;
  return `arn:${partition}:securityhub:${region}::standards/${standard}`;
}

const DEFAULT_TRAIL_LOG_RETENTION_DAYS = 365;

/** Refuses what AWS would refuse at deploy; returns the rule name prefix and the Security Hub standards. */
function validate(args: SecurityBaselineArgs): { prefix: string; standards: string[] } {
  check.logRetentionDays("trailLogRetentionDays", args.trailLogRetentionDays ?? DEFAULT_TRAIL_LOG_RETENTION_DAYS);
  const prefix = args.configRuleNamePrefix ?? "kamae-";
  if (!/^[A-Za-z0-9_-]{0,40}$/.test(prefix)) check.fail("configRuleNamePrefix must be at most 40 letters, digits, - or _");
  const standards = [...(args.securityHubStandards ?? [])];
  if (standards.length > 0 && args.securityHub === false) check.fail("securityHubStandards need securityHub");
  // Refuse a malformed standard now, not once the Region is known.
  standards.forEach((s) => standardArn(s, "aws", "us-east-1"));
  return { prefix, standards };
}

/** What every part of a SecurityBaseline is built with. */
interface BaselineContext {
  readonly name: string;
  readonly args: SecurityBaselineArgs;
  readonly parent: { parent: pulumi.Resource };
  /** Prefix of the rule, trail and association names. */
  readonly prefix: string;
  /** Known before the trail exists: the audit bucket's policy names it. */
  readonly trailName: string;
  readonly identity: pulumi.Output<aws.GetCallerIdentityResult>;
  readonly partition: pulumi.Output<aws.GetPartitionResult>;
  readonly region: pulumi.Output<aws.GetRegionResult>;
}

/**
 * The account-level half of Kamae: the policy catalog deployed as AWS Config rules (with a recorder and an encrypted
 * delivery channel when none exists), a GuardDuty detector, Security Hub, a multi-region CloudTrail trail (KMS,
 * validation, CloudWatch Logs, S3 data events), account-level S3 Block Public Access, EBS encryption by default, and
 * detection of unapproved software (SSM Inventory + AWS Config application rules). Each part can be turned off.
 */
export class SecurityBaseline extends pulumi.ComponentResource {
  /** ARN of the key encrypting the trail, the audit bucket and the trail's log group (undefined when none is needed). */
  public readonly kmsKeyArn: pulumi.Output<string | undefined>;
  /** Bucket receiving CloudTrail logs and AWS Config snapshots (undefined when neither is created). */
  public readonly auditBucketName: pulumi.Output<string | undefined>;
  /** The trail (undefined when `cloudTrail` is false). */
  public readonly trailArn: pulumi.Output<string | undefined>;
  /** The GuardDuty detector (undefined when `guardDuty` is false). */
  public readonly guardDutyDetectorId: pulumi.Output<string | undefined>;
  /** Whether this component enabled Security Hub. */
  public readonly securityHubEnabled: pulumi.Output<boolean>;
  /** The AWS Config recorder created here (undefined with `existingConfigRecorder`). */
  public readonly configRecorderName: pulumi.Output<string | undefined>;
  /** Names of the AWS Config rules deployed. */
  public readonly configRuleNames: pulumi.Output<string[]>;
  /** Id of the SSM association gathering software inventory. */
  public readonly inventoryAssociationId: pulumi.Output<string | undefined>;

  constructor(name: string, args: SecurityBaselineArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:SecurityBaseline", name, args, opts);
    const rules = baselineConfigRules(args);
    const { prefix, standards } = validate(args);
    const parent = { parent: this };
    const ctx: BaselineContext = {
      name,
      args,
      parent,
      prefix,
      trailName: `${prefix}${name}-trail`,
      identity: aws.getCallerIdentityOutput({}, parent),
      partition: aws.getPartitionOutput({}, parent),
      region: aws.getRegionOutput({}, parent),
    };
    const wantTrail = args.cloudTrail !== false;
    const wantRecorder = !args.existingConfigRecorder && rules.length > 0;
    const needsBucket = wantTrail || wantRecorder;

    const kmsKeyArn = args.kmsKeyArn ? pulumi.output(args.kmsKeyArn) : needsBucket ? this.encryptionKey(ctx) : undefined;
    const audit = needsBucket && kmsKeyArn ? this.auditBucket(ctx, kmsKeyArn, wantTrail) : undefined;
    const recorder = wantRecorder && audit && kmsKeyArn ? this.configRecorder(ctx, audit, kmsKeyArn) : undefined;
    const configRules = this.configRules(ctx, rules, recorder?.enabled ?? []);
    const trail = wantTrail && audit && kmsKeyArn ? this.trail(ctx, audit, kmsKeyArn) : undefined;
    const detector = args.guardDuty === false ? undefined : new aws.guardduty.Detector(`${name}-guardduty`, { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" }, parent);
    if (args.securityHub !== false) this.securityHub(ctx, standards);
    this.accountDefaults(ctx);
    const inventory = args.softwareInventory === false ? undefined : this.softwareInventory(ctx);

    this.kmsKeyArn = kmsKeyArn ?? pulumi.output(undefined);
    this.auditBucketName = audit ? audit.bucket.bucket : pulumi.output(undefined);
    this.trailArn = trail ? trail.arn : pulumi.output(undefined);
    this.guardDutyDetectorId = detector ? detector.id : pulumi.output(undefined);
    this.securityHubEnabled = pulumi.output(args.securityHub !== false);
    this.configRecorderName = recorder ? recorder.recorder.name : pulumi.output(undefined);
    this.configRuleNames = pulumi.all(configRules.map((r) => r.name));
    this.inventoryAssociationId = inventory ? inventory.associationId : pulumi.output(undefined);
    this.registerOutputs({
      kmsKeyArn: this.kmsKeyArn,
      auditBucketName: this.auditBucketName,
      trailArn: this.trailArn,
      guardDutyDetectorId: this.guardDutyDetectorId,
      securityHubEnabled: this.securityHubEnabled,
      configRecorderName: this.configRecorderName,
      configRuleNames: this.configRuleNames,
      inventoryAssociationId: this.inventoryAssociationId,
    });
  }

  /** A key with rotation for the trail, Config delivery and the audit logs, when none is given. */
  private encryptionKey(ctx: BaselineContext): pulumi.Output<string> {
    const { name, parent } = ctx;
    return createEncryptionKey(
      `${name}-key`,
      {
        description: `Kamae SecurityBaseline ${name}: CloudTrail, AWS Config delivery and audit logs`,
        servicePrincipals: ["cloudtrail.amazonaws.com", "config.amazonaws.com"],
        allowCloudWatchLogs: true,
        extraStatements: [
          {
            Sid: "CloudTrailDescribesKey",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
          },
        ],
      },
      parent,
    ).arn;
  }

  /** One bucket for trail logs (cloudtrail/) and Config snapshots (config/), logging to an access-log bucket. */
  private auditBucket(ctx: BaselineContext, kmsKeyArn: pulumi.Output<string>, forTrail: boolean): SecureBucket {
    const { name, args, parent, identity } = ctx;
    const trailArn = pulumi.interpolate`arn:${ctx.partition.partition}:cloudtrail:${ctx.region.region}:${identity.accountId}:trail/${ctx.trailName}`;
    // The created access-log bucket is SSE-S3: S3 server access logging does not deliver to SSE-KMS targets.
    return secureBucket(
      `${name}-audit`,
      {
        kmsKeyArn,
        accessLogBucketName: args.accessLogBucketName,
        logBucketResourceName: args.accessLogBucketName === undefined ? `${name}-access-logs` : undefined,
        accessLogPrefix: () => `${name}-audit/`,
        extraStatements: (arn) =>
          forTrail
            ? [
                {
                  Sid: "CloudTrailAclCheck",
                  Effect: "Allow",
                  Principal: { Service: "cloudtrail.amazonaws.com" },
                  Action: "s3:GetBucketAcl",
                  Resource: arn,
                  Condition: { StringEquals: { "aws:SourceArn": trailArn } },
                },
                {
                  Sid: "CloudTrailWrite",
                  Effect: "Allow",
                  Principal: { Service: "cloudtrail.amazonaws.com" },
                  Action: "s3:PutObject",
                  Resource: pulumi.interpolate`${arn}/cloudtrail/AWSLogs/${identity.accountId}/*`,
                  Condition: { StringEquals: { "aws:SourceArn": trailArn } },
                },
              ]
            : [],
      },
      parent,
    );
  }

  /** AWS Config's recorder (custom role), encrypted delivery channel and recorder status; `enabled` is what rules wait for. */
  private configRecorder(ctx: BaselineContext, audit: SecureBucket, kmsKeyArn: pulumi.Output<string>): { recorder: aws.cfg.Recorder; enabled: pulumi.Resource[] } {
    const { name, parent, identity, partition } = ctx;
    const bucket = audit.bucket;
    const role = new aws.iam.Role(`${name}-config-role`, { assumeRolePolicy: serviceTrustPolicy("config.amazonaws.com", identity.accountId) }, parent);
    const managed = new aws.iam.RolePolicyAttachment(
      `${name}-config-managed`,
      { role: role.name, policyArn: pulumi.interpolate`arn:${partition.partition}:iam::aws:policy/service-role/AWS_ConfigRole` },
      parent,
    );
    const delivery = new aws.iam.RolePolicy(
      `${name}-config-delivery`,
      {
        role: role.id,
        policy: policyDocument([
          { sid: "DeliverSnapshots", actions: ["s3:PutObject"], resources: [pulumi.interpolate`${bucket.arn}/config/AWSLogs/${identity.accountId}/*`] },
          { sid: "CheckBucket", actions: ["s3:GetBucketAcl"], resources: [bucket.arn] },
          { sid: "EncryptSnapshots", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [kmsKeyArn] },
        ]),
      },
      parent,
    );
    const recorder = new aws.cfg.Recorder(
      `${name}-recorder`,
      { roleArn: role.arn, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
      { ...parent, dependsOn: [managed, delivery] },
    );
    const channel = new aws.cfg.DeliveryChannel(
      `${name}-delivery`,
      { s3BucketName: bucket.bucket, s3KeyPrefix: "config", s3KmsKeyArn: kmsKeyArn, snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" } },
      { ...parent, dependsOn: [recorder, ...audit.ready] },
    );
    const status = new aws.cfg.RecorderStatus(`${name}-recorder-status`, { name: recorder.name, isEnabled: true }, { ...parent, dependsOn: [channel] });
    return { recorder, enabled: [status] };
  }

  /** The catalog's AWS Config rules, created once the recorder created here records. */
  private configRules(ctx: BaselineContext, rules: AwsConfigRuleSpec[], recording: pulumi.Resource[]): aws.cfg.Rule[] {
    const { name, parent, prefix } = ctx;
    return rules.map(
      (spec) =>
        new aws.cfg.Rule(
          `${name}-rule-${stableSuffix(spec.name)}`,
          {
            name: `${prefix}${spec.name}`,
            description: spec.description,
            source: { owner: "AWS", sourceIdentifier: spec.sourceIdentifier },
            ...(spec.inputParameters ? { inputParameters: spec.inputParameters } : {}),
            tags: { "kamae:severity": spec.severity },
          },
          { ...parent, dependsOn: recording },
        ),
    );
  }

  /** The multi-region trail: KMS, log file validation, CloudWatch Logs, S3 data events unless turned off. */
  private trail(ctx: BaselineContext, audit: SecureBucket, kmsKeyArn: pulumi.Output<string>): aws.cloudtrail.Trail {
    const { name, args, parent, identity, partition } = ctx;
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-trail-logs`, { retentionInDays: args.trailLogRetentionDays ?? DEFAULT_TRAIL_LOG_RETENTION_DAYS, kmsKeyId: kmsKeyArn }, parent);
    const logsRole = new aws.iam.Role(`${name}-trail-logs-role`, { assumeRolePolicy: serviceTrustPolicy("cloudtrail.amazonaws.com", identity.accountId) }, parent);
    const logsPolicy = new aws.iam.RolePolicy(
      `${name}-trail-logs-policy`,
      {
        role: logsRole.id,
        policy: policyDocument([{ sid: "DeliverTrailEvents", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [pulumi.interpolate`${logGroup.arn}:log-stream:*`] }]),
      },
      parent,
    );
    return new aws.cloudtrail.Trail(
      `${name}-trail`,
      {
        name: ctx.trailName,
        s3BucketName: audit.bucket.bucket,
        s3KeyPrefix: "cloudtrail",
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: kmsKeyArn,
        cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
        cloudWatchLogsRoleArn: logsRole.arn,
        eventSelectors:
          args.cloudTrailS3DataEvents === false
            ? []
            : [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: [pulumi.interpolate`arn:${partition.partition}:s3`] }] }],
      },
      { ...parent, dependsOn: [...audit.ready, logsPolicy] },
    );
  }

  /** Security Hub with consolidated control findings and only the standards asked for. */
  private securityHub(ctx: BaselineContext, standards: string[]): void {
    const { name, parent, partition, region } = ctx;
    const hub = new aws.securityhub.Account(`${name}-securityhub`, { enableDefaultStandards: false, autoEnableControls: true, controlFindingGenerator: "SECURITY_CONTROL" }, parent);
    for (const standard of standards) {
      new aws.securityhub.StandardsSubscription(
        `${name}-standard-${stableSuffix(standard)}`,
        { standardsArn: pulumi.all([partition.partition, region.region]).apply(([p, r]) => standardArn(standard, p, r)) },
        { ...parent, dependsOn: [hub] },
      );
    }
  }

  /** Account-level defaults: S3 Block Public Access (all four settings) and EBS encryption by default. */
  private accountDefaults(ctx: BaselineContext): void {
    const { name, args, parent } = ctx;
    if (args.s3AccountPublicAccessBlock !== false) {
      new aws.s3.AccountPublicAccessBlock(`${name}-s3-public-access`, { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, parent);
    }
    if (args.ebsEncryptionByDefault !== false) new aws.ebs.EncryptionByDefault(`${name}-ebs-encryption`, { enabled: true }, parent);
  }

  /** SSM Inventory of every managed instance, which the application rules read. */
  private softwareInventory(ctx: BaselineContext): aws.ssm.Association {
    const { name, parent, prefix } = ctx;
    return new aws.ssm.Association(
      `${name}-software-inventory`,
      {
        name: "AWS-GatherSoftwareInventory",
        associationName: `${prefix}${name}-software-inventory`,
        targets: [{ key: "InstanceIds", values: ["*"] }],
        scheduleExpression: "rate(12 hours)",
        parameters: { applications: "Enabled", awsComponents: "Enabled", instanceDetailedInformation: "Enabled", services: "Enabled", windowsUpdates: "Enabled" },
      },
      parent,
    );
  }
}
