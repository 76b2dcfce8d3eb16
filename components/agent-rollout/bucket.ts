import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface SecureBucketArgs {
  /** Key of the bucket's default SSE-KMS encryption. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Bucket that receives this bucket's server access logs; omitted: the bucket logs to itself under `access-logs/`. */
  readonly accessLogBucket?: pulumi.Input<string>;
  /** Let S3 server access logging write into this bucket (for a log bucket). */
  readonly acceptsAccessLogs?: boolean;
}

/**
 * A private bucket as the policy pack requires it: versioning, default SSE-KMS with a bucket key, every Block Public
 * Access setting, bucket-owner-enforced ownership, a policy refusing non-TLS requests, and server access logging.
 */
export function secureBucket(name: string, args: SecureBucketArgs, opts: pulumi.CustomResourceOptions): aws.s3.Bucket {
  const bucket = new aws.s3.Bucket(name, { forceDestroy: false }, opts);
  new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts);
  const publicAccess = new aws.s3.BucketPublicAccessBlock(
    `${name}-public-access`,
    { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );
  new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }] },
    opts,
  );
  const identity = aws.getCallerIdentityOutput({}, opts);
  new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.id,
      policy: pulumi.all([bucket.arn, identity.accountId]).apply(([arn, account]) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DenyWithoutTls",
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: [arn, `${arn}/*`],
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            ...(args.acceptsAccessLogs || args.accessLogBucket === undefined
              ? [
                  {
                    Sid: "S3ServerAccessLogsDelivery",
                    Effect: "Allow",
                    Principal: { Service: "logging.s3.amazonaws.com" },
                    Action: "s3:PutObject",
                    Resource: `${arn}/access-logs/*`,
                    Condition: { StringEquals: { "aws:SourceAccount": account } },
                  },
                ]
              : []),
          ],
        }),
      ),
    },
    { ...opts, dependsOn: [publicAccess] },
  );
  new aws.s3.BucketLogging(
    `${name}-logging`,
    {
      bucket: bucket.id,
      targetBucket: args.accessLogBucket ?? bucket.id,
      targetPrefix: pulumi.interpolate`access-logs/${bucket.id}/`,
    },
    opts,
  );
  return bucket;
}
