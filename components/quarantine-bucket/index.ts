import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createEncryptionKey } from "../shared/kms";
import { secureBucket } from "../shared/secure-bucket";
import { Validator } from "../shared/validation";

/** S3 Object Lock retention mode: GOVERNANCE lets privileged principals lift the lock, COMPLIANCE lets nobody. */
export const ObjectLockMode = {
  Governance: "GOVERNANCE",
  Compliance: "COMPLIANCE",
} as const;
export type ObjectLockMode = (typeof ObjectLockMode)[keyof typeof ObjectLockMode];

/** Object Lock default retention applied to every new object version. */
export interface ObjectLockArgs {
  /**
   * "GOVERNANCE" (users with `s3:BypassGovernanceRetention` may delete early) or "COMPLIANCE" (no one can, not even
   * root, until the days pass).
   */
  readonly mode: ObjectLockMode;
  /** Whole days each version stays locked (at least 1). */
  readonly days: number;
}

export interface QuarantineBucketArgs {
  /**
   * IAM principals (role or user ARNs) of the forensic team: the only ones who may read or delete quarantined objects.
   * A list, or the whole list as one output.
   */
  readonly forensicPrincipalArns?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * IAM principals that may write objects (the quarantine function's role); when set (not empty), everyone else's
   * writes are denied. A list, or the whole list as one output.
   */
  readonly writerPrincipalArns?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * An existing KMS key for SSE-KMS (its key policy must let writers encrypt and forensic principals decrypt); without
   * it the bucket gets its own key with rotation.
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Days after which quarantined objects and their noncurrent versions expire (default 365, at least 1). */
  readonly expirationDays?: number;
  /**
   * Object Lock default retention for every quarantined version, at most `expirationDays`; set at creation only (S3
   * cannot add it later).
   */
  readonly objectLock?: ObjectLockArgs;
  /** An existing bucket for the server access logs; without it a log bucket is created. */
  readonly accessLogBucketName?: pulumi.Input<string>;
  /** Days the created log bucket keeps access logs (default 365). */
  readonly accessLogRetentionDays?: number;
  /** Let `pulumi destroy` delete a bucket that still holds objects (default false: evidence is not deleted by accident). */
  readonly forceDestroy?: boolean;
}

/** The read actions on object content that only forensic principals may use. */
export const CONTENT_READ_ACTIONS = ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTorrent", "s3:GetObjectVersionTorrent", "s3:RestoreObject"];

/**
 * An S3 bucket for quarantined objects: versioned, SSE-KMS (its own rotating key or a given one), bucket-level Block
 * Public Access, ACLs disabled, a policy that refuses requests without TLS and refuses reading or deleting object
 * content to everyone but the named forensic principals (and, when writers are named, writing to everyone else),
 * lifecycle expiry, optional Object Lock, and server access logging to a log bucket it creates or one given.
 */
export class QuarantineBucket extends pulumi.ComponentResource {
  /** The quarantine bucket. */
  public readonly bucket: aws.s3.Bucket;
  /** The bucket's name. */
  public readonly bucketName: pulumi.Output<string>;
  /** The bucket's ARN. */
  public readonly bucketArn: pulumi.Output<string>;
  /** The key the bucket is encrypted with (created or given). */
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** The bucket receiving its server access logs (created or given). */
  public readonly accessLogBucketName: pulumi.Output<string>;
  /**
   * The bucket policy: TLS only; reads and deletes only by the forensic principals; writes only by the writers when
   * given.
   */
  public readonly policy: aws.s3.BucketPolicy;

  constructor(name: string, args: QuarantineBucketArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("kamae:index:QuarantineBucket", name, args, opts);
    const expirationDays = args.expirationDays ?? 365;
    validate(args, expirationDays);
    const parent = { parent: this };
    // Known at deploy when given as outputs: the statements that name them are decided then.
    const forensic = pulumi.output(args.forensicPrincipalArns ?? []);
    const writers = pulumi.output(args.writerPrincipalArns ?? []);

    this.kmsKeyArn =
      args.kmsKeyArn !== undefined
        ? pulumi.output(args.kmsKeyArn)
        : createEncryptionKey(
            `${name}-key`,
            {
              description: `Kamae quarantine bucket ${name}: encrypts quarantined objects`,
              extraStatements: forensic.apply((arns) =>
                arns.length > 0 ? [{ Sid: "ForensicPrincipalsDecrypt", Effect: "Allow", Principal: { AWS: [...arns].sort() }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" }] : [],
              ),
            },
            parent,
          ).arn;

    const secure = secureBucket(
      name,
      {
        bucketResourceName: `${name}-bucket`,
        kmsKeyArn: this.kmsKeyArn,
        accessLogBucketName: args.accessLogBucketName,
        // The retention applies to a created log bucket only (a given one keeps its own).
        accessLogRetentionDays: args.accessLogBucketName === undefined ? args.accessLogRetentionDays : undefined,
        tlsStatementSid: "DenyWithoutTls",
        extraStatements: (arn) => pulumi.all([arn, forensic, writers]).apply(([a, f, w]) => quarantinePolicyStatements(a, f, w)),
        objectLockEnabled: args.objectLock !== undefined,
        forceDestroy: args.forceDestroy,
        lifecycleRules: [
          {
            id: "expire-quarantined-objects",
            status: "Enabled",
            filter: {},
            expiration: { days: expirationDays },
            noncurrentVersionExpiration: { noncurrentDays: expirationDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
          },
        ],
      },
      parent,
    );
    this.bucket = secure.bucket;
    this.policy = secure.policy;
    this.accessLogBucketName = secure.accessLogBucketName;
    const bucket = this.bucket;
    if (args.objectLock) {
      new aws.s3.BucketObjectLockConfiguration(
        `${name}-object-lock`,
        { bucket: bucket.id, rule: { defaultRetention: { mode: args.objectLock.mode, days: args.objectLock.days } } },
        { parent: this, dependsOn: [secure.versioning] },
      );
    }

    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, kmsKeyArn: this.kmsKeyArn, accessLogBucketName: this.accessLogBucketName });
  }
}

function validate(args: QuarantineBucketArgs, expirationDays: number): void {
  const check: Validator = new Validator("QuarantineBucket");
  check.integer("expirationDays", expirationDays, 1);
  if (args.objectLock) {
    const { mode, days } = args.objectLock;
    check.oneOf("objectLock.mode", mode, ObjectLockMode);
    check.integer("objectLock.days", days, 1);
    if (days > expirationDays) check.fail(`objectLock.days (${days}) exceeds expirationDays (${expirationDays}): locked versions could never expire on schedule`);
  }
  check.integer("accessLogRetentionDays", args.accessLogRetentionDays, 1);
}

/**
 * The quarantine statements of the bucket policy (after the shared deny-without-TLS one): object content readable and
 * deletable only by the forensic principals (nobody, when none are named); objects writable only by the writers when
 * any are named; the forensic principals allowed to read (they may live in another account).
 */
export function quarantinePolicyStatements(bucketArn: string, forensic: readonly string[], writers: readonly string[]): Record<string, unknown>[] {
  const objects = `${bucketArn}/*`;
  const exceptFor = (arns: readonly string[]) => (arns.length > 0 ? { Condition: { ArnNotLike: { "aws:PrincipalArn": [...arns].sort() } } } : {});
  const statements: Record<string, unknown>[] = [
    { Sid: "DenyContentReadsExceptForensic", Effect: "Deny", Principal: "*", Action: CONTENT_READ_ACTIONS, Resource: objects, ...exceptFor(forensic) },
    { Sid: "DenyDeletesExceptForensic", Effect: "Deny", Principal: "*", Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"], Resource: objects, ...exceptFor(forensic) },
  ];
  if (writers.length > 0) {
    statements.push({ Sid: "DenyWritesExceptWriters", Effect: "Deny", Principal: "*", Action: ["s3:PutObject"], Resource: objects, ...exceptFor(writers) });
  }
  if (forensic.length > 0) {
    statements.push({
      Sid: "ForensicPrincipalsRead",
      Effect: "Allow",
      Principal: { AWS: [...forensic].sort() },
      Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:GetObjectVersionTagging", "s3:ListBucket", "s3:ListBucketVersions"],
      Resource: [bucketArn, objects],
    });
  }
  return statements;
}
