import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * A bucket that passes Kamae's policy pack: versioning, SSE-KMS with a bucket key, Block Public Access fully on, a
 * policy that denies requests without TLS, and server access logging (to a given bucket, or to a logs bucket created
 * here). Used by ApiActivityAlerts (the trail bucket) and GuardDutyResponder (the report bucket).
 */
export interface SecureBucketArgs {
  /** Key for default encryption (SSE-KMS); its policy must let logging.s3.amazonaws.com encrypt when no logs bucket is given. */
  readonly kmsKey: aws.kms.Key;
  /** Existing bucket that receives server access logs; one is created when omitted. */
  readonly accessLogsBucketName?: pulumi.Input<string>;
  /** Further bucket-policy statements (for example CloudTrail's delivery), each given the bucket ARN. */
  readonly extraStatements?: (bucketArn: pulumi.Output<string>) => pulumi.Input<Record<string, unknown>>[];
}

export interface SecureBucket {
  readonly bucket: aws.s3.Bucket;
  readonly policy: aws.s3.BucketPolicy;
  readonly accessLogsBucketName: pulumi.Output<string>;
}

function denyInsecureTransport(arn: pulumi.Input<string>): pulumi.Input<Record<string, unknown>> {
  return pulumi.output(arn).apply((a) => ({
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [a, `${a}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  }));
}

function blockPublicAccess(name: string, bucket: aws.s3.Bucket, opts: pulumi.CustomResourceOptions): aws.s3.BucketPublicAccessBlock {
  return new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }, opts);
}

function versioning(name: string, bucket: aws.s3.Bucket, opts: pulumi.CustomResourceOptions): void {
  new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
}

/**
 * The access-logs bucket: SSE-KMS with the same key (whose policy must let logging.s3.amazonaws.com encrypt), and no
 * logging of its own, since a logs bucket that logged its own access would log forever.
 */
function accessLogsBucket(name: string, kmsKey: aws.kms.Key, opts: pulumi.CustomResourceOptions): aws.s3.Bucket {
  const logs = new aws.s3.Bucket(name, { forceDestroy: false, tags: { "kamae:purpose": "s3-access-logs" } }, opts);
  versioning(`${name}-versioning`, logs, opts);
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    { bucket: logs.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKey.arn }, bucketKeyEnabled: true }] },
    opts,
  );
  const pab = blockPublicAccess(`${name}-public-access`, logs, opts);
  const identity = aws.getCallerIdentityOutput({}, opts);
  new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: logs.id,
      policy: pulumi.all([logs.arn, identity.accountId, denyInsecureTransport(logs.arn)]).apply(([arn, account, deny]) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            deny,
            {
              Sid: "S3ServerAccessLogsDelivery",
              Effect: "Allow",
              Principal: { Service: "logging.s3.amazonaws.com" },
              Action: "s3:PutObject",
              Resource: `${arn}/*`,
              Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
          ],
        }),
      ),
    },
    { ...opts, dependsOn: [pab] },
  );
  return logs;
}

export function secureBucket(name: string, args: SecureBucketArgs, opts: pulumi.CustomResourceOptions): SecureBucket {
  const bucket = new aws.s3.Bucket(name, { forceDestroy: false }, opts);
  versioning(`${name}-versioning`, bucket, opts);
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKey.arn }, bucketKeyEnabled: true }] },
    opts,
  );
  const pab = blockPublicAccess(`${name}-public-access`, bucket, opts);
  const statements = [denyInsecureTransport(bucket.arn), ...(args.extraStatements?.(bucket.arn) ?? [])];
  const policy = new aws.s3.BucketPolicy(
    `${name}-policy`,
    { bucket: bucket.id, policy: pulumi.all(statements).apply((s) => JSON.stringify({ Version: "2012-10-17", Statement: s })) },
    { ...opts, dependsOn: [pab] },
  );
  const logsName = args.accessLogsBucketName !== undefined ? pulumi.output(args.accessLogsBucketName) : accessLogsBucket(`${name}-access-logs`, args.kmsKey, opts).bucket;
  new aws.s3.BucketLogging(`${name}-logging`, { bucket: bucket.id, targetBucket: logsName, targetPrefix: pulumi.interpolate`${bucket.bucket}/` }, opts);
  return { bucket, policy, accessLogsBucketName: logsName };
}
