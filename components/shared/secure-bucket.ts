import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Validator } from "./validation";

/** Bucket-policy statements: a list of statements, any of them (or the list) possibly an output. */
export type BucketPolicyStatements = pulumi.Input<pulumi.Input<Record<string, unknown>>[]>;

export interface SecureBucketArgs {
  /** Key of the data bucket's default SSE-KMS encryption (a full key ARN). */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** An existing bucket that receives the data bucket's server access logs; without it a log-target bucket is created. */
  readonly accessLogBucketName?: pulumi.Input<string>;
  /** Key prefix of the access logs in the log bucket, given the data bucket's name (default `<bucket name>/`). */
  readonly accessLogPrefix?: (bucketName: pulumi.Output<string>) => pulumi.Input<string>;
  /** Days the created log-target bucket keeps access logs (default 365). */
  readonly accessLogRetentionDays?: number;
  /** Logical name of the created log-target bucket (default `<name>-access-logs`); its settings are named after it. */
  readonly logBucketResourceName?: string;
  /** Logical name of the data bucket (default `<name>`); its settings are always named `<name>-<setting>`. */
  readonly bucketResourceName?: string;
  /** Statements merged into the data bucket's one policy after the deny-without-TLS statement, given the bucket ARN. */
  readonly extraStatements?: (bucketArn: pulumi.Output<string>) => BucketPolicyStatements;
  /** Sid of the deny-without-TLS statement in both policies (default DenyInsecureTransport); callers keep theirs so deployed policies do not change. */
  readonly tlsStatementSid?: string;
  /** Lifecycle rules of the data bucket (`<name>-lifecycle`); none when omitted. */
  readonly lifecycleRules?: pulumi.Input<aws.types.input.s3.BucketLifecycleConfigurationRule>[];
  /** Create the data bucket with Object Lock enabled (S3 allows it only at creation). */
  readonly objectLockEnabled?: boolean;
  /** Let `pulumi destroy` delete the data bucket while it holds objects (default false). */
  readonly forceDestroy?: boolean;
}

export interface SecureBucket {
  readonly bucket: aws.s3.Bucket;
  readonly versioning: aws.s3.BucketVersioning;
  readonly policy: aws.s3.BucketPolicy;
  /** The resources that must exist before a service writes into the data bucket (settings, policy, logging). */
  readonly ready: pulumi.Resource[];
  /** Name of the bucket receiving the data bucket's access logs (the given one or the created one). */
  readonly accessLogBucketName: pulumi.Output<string>;
  /** The created log-target bucket; undefined when an existing one was given. */
  readonly logBucket?: aws.s3.Bucket;
}

export const DEFAULT_TLS_SID = "DenyInsecureTransport";

/**
 * The bucket's ARN from its name: the provider knows the (auto)name at preview, while the `arn` output stays unknown
 * until the bucket exists, so policies built from this one can be judged by the pack during `pulumi preview`.
 */
function bucketArnOf(bucket: aws.s3.Bucket, opts: pulumi.ComponentResourceOptions | pulumi.CustomResourceOptions | undefined): pulumi.Output<string> {
  return pulumi.interpolate`arn:${aws.getPartitionOutput({}, opts).partition}:s3:::${bucket.bucket}`;
}

/** The statement refusing every request made without TLS, on the bucket and its objects. */
export function denyInsecureTransport(bucketArn: string, sid: string = DEFAULT_TLS_SID): Record<string, unknown> {
  return { Sid: sid, Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } };
}

function validate(name: string, args: SecureBucketArgs): void {
  const check: Validator = new Validator(`secureBucket ${name}`);
  const retention = args.accessLogRetentionDays;
  check.integer("accessLogRetentionDays", retention, 1);
  if (args.accessLogBucketName !== undefined && (retention !== undefined || args.logBucketResourceName !== undefined)) {
    check.fail(`accessLogRetentionDays and logBucketResourceName apply only to a created log bucket, not to accessLogBucketName`);
  }
}

/**
 * A private data bucket as Kamae's policy pack requires it, built from @pulumi/aws v7's separate resources: versioning,
 * default SSE-KMS with a bucket key, all four Block Public Access settings, BucketOwnerEnforced, one policy denying
 * requests without TLS (plus the caller's statements), optional lifecycle, and server access logging to a given bucket
 * or to a log-target bucket created here (see `accessLogTargetBucket`). Settings are siblings of the bucket under the
 * caller's parent, named `<name>-versioning`, `-encryption`, `-public-access`, `-ownership`, `-policy`, `-logging`,
 * `-lifecycle`.
 */
export function secureBucket(name: string, args: SecureBucketArgs, opts: pulumi.CustomResourceOptions): SecureBucket {
  validate(name, args);
  const sid = args.tlsStatementSid ?? DEFAULT_TLS_SID;
  const bucket = new aws.s3.Bucket(
    args.bucketResourceName ?? name,
    { forceDestroy: args.forceDestroy ?? false, ...(args.objectLockEnabled ? { objectLockEnabled: true } : {}) },
    opts,
  );
  const settings = bucketSettings(
    name,
    bucket,
    // The bucket key cuts the KMS requests (and their cost) of every object operation.
    { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true },
    opts,
  );
  const arn = bucketArnOf(bucket, opts);
  const extra = pulumi.output(args.extraStatements?.(arn) ?? []);
  const policy = new aws.s3.BucketPolicy(
    `${name}-policy`,
    { bucket: bucket.bucket, policy: pulumi.all([arn, extra]).apply(([arn, statements]) => policyJson([denyInsecureTransport(arn, sid), ...statements])) },
    { ...opts, dependsOn: [settings.publicAccess, settings.ownership] },
  );
  const ready: pulumi.Resource[] = [settings.versioning, settings.encryption, settings.publicAccess, settings.ownership, policy];
  if (args.lifecycleRules !== undefined) {
    ready.push(new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, { bucket: bucket.bucket, rules: args.lifecycleRules }, { ...opts, dependsOn: [settings.versioning] }));
  }

  const logBucket =
    args.accessLogBucketName === undefined
      ? accessLogTargetBucket(args.logBucketResourceName ?? `${name}-access-logs`, { sourceBucketArn: arn, retentionDays: args.accessLogRetentionDays, tlsStatementSid: sid }, opts)
      : undefined;
  const accessLogBucketName = logBucket ? logBucket.bucket.bucket : pulumi.output(args.accessLogBucketName!);
  ready.push(
    new aws.s3.BucketLogging(
      `${name}-logging`,
      { bucket: bucket.bucket, targetBucket: accessLogBucketName, targetPrefix: args.accessLogPrefix?.(bucket.bucket) ?? pulumi.interpolate`${bucket.bucket}/` },
      // The log bucket's policy must let S3 deliver before logging is switched on.
      { ...opts, dependsOn: logBucket ? [logBucket.policy] : [] },
    ),
  );
  return { bucket, versioning: settings.versioning, policy, ready, accessLogBucketName, logBucket: logBucket?.bucket };
}

export interface AccessLogTargetBucketArgs {
  /** ARN of the bucket whose server access logs land here: S3's delivery is allowed only on its behalf. */
  readonly sourceBucketArn: pulumi.Input<string>;
  /** Days access logs are kept (default 365); noncurrent versions go after 30 days. */
  readonly retentionDays?: number;
  /** Sid of the deny-without-TLS statement (default DenyInsecureTransport). */
  readonly tlsStatementSid?: string;
}

/**
 * A bucket for S3 server access logs. S3 delivers server access logs only to targets whose default encryption is SSE-S3
 * (AES256): a SSE-KMS target silently receives nothing. So this bucket uses SSE-S3 (the pack's `exemptLogTargets`
 * accepts it, and the suppression tag records why), and is otherwise versioned, private, owner-enforced, TLS-only,
 * writable only by `logging.s3.amazonaws.com` for the source bucket of this account, and expires its logs. It does not
 * log its own access (that would loop).
 */
export function accessLogTargetBucket(name: string, args: AccessLogTargetBucketArgs, opts: pulumi.CustomResourceOptions): { bucket: aws.s3.Bucket; policy: aws.s3.BucketPolicy } {
  const retentionDays = args.retentionDays ?? 365;
  const bucket = new aws.s3.Bucket(
    name,
    {
      forceDestroy: false,
      tags: {
        "kamae:purpose": "s3-access-logs",
        "kamae:suppress": "s3-default-encryption-kms=S3 server access logging delivers only to SSE-S3 AES256 target buckets",
      },
    },
    opts,
  );
  const settings = bucketSettings(name, bucket, { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }, opts);
  new aws.s3.BucketLifecycleConfiguration(
    `${name}-lifecycle`,
    {
      bucket: bucket.bucket,
      rules: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: {},
          expiration: { days: retentionDays },
          noncurrentVersionExpiration: { noncurrentDays: 30 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
      ],
    },
    { ...opts, dependsOn: [settings.versioning] },
  );
  const identity = aws.getCallerIdentityOutput({}, opts);
  const policy = new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.bucket,
      policy: pulumi.all([bucketArnOf(bucket, opts), args.sourceBucketArn, identity.accountId]).apply(([arn, sourceArn, account]) =>
        policyJson([
          denyInsecureTransport(arn, args.tlsStatementSid),
          {
            Sid: "S3ServerAccessLogsDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${arn}/*`,
            Condition: { ArnLike: { "aws:SourceArn": sourceArn }, StringEquals: { "aws:SourceAccount": account } },
          },
        ]),
      ),
    },
    { ...opts, dependsOn: [settings.publicAccess, settings.ownership] },
  );
  return { bucket, policy };
}

interface Settings {
  readonly versioning: aws.s3.BucketVersioning;
  readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
  readonly publicAccess: aws.s3.BucketPublicAccessBlock;
  readonly ownership: aws.s3.BucketOwnershipControls;
}

/** The settings every Kamae bucket has: versioning, default encryption, Block Public Access, ACLs disabled. */
function bucketSettings(
  name: string,
  bucket: aws.s3.Bucket,
  encryption: aws.types.input.s3.BucketServerSideEncryptionConfigurationRule,
  opts: pulumi.CustomResourceOptions,
): Settings {
  return {
    versioning: new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } }, opts),
    encryption: new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-encryption`,
      { bucket: bucket.bucket, rules: [encryption] },
      opts,
    ),
    publicAccess: new aws.s3.BucketPublicAccessBlock(
      `${name}-public-access`,
      { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      opts,
    ),
    ownership: new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts),
  };
}

function policyJson(statements: unknown[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
