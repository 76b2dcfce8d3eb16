import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface AuditBucketArgs {
  /** Key for SSE-KMS default encryption. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Bucket that receives this bucket's server access logs; absent for a bucket that is itself the log target. */
  readonly accessLogBucket?: pulumi.Input<string>;
  /** Statements (with principals) added to the TLS-only bucket policy, given the bucket's ARN. */
  readonly statements?: (bucketArn: pulumi.Output<string>) => pulumi.Input<Record<string, unknown>>[];
}

/**
 * A bucket as the pack requires it: SSE-KMS by default, versioning, Block Public Access fully on, ACLs disabled
 * (BucketOwnerEnforced), a policy denying requests without TLS, and server access logging (except for a log target).
 * Returns the bucket; the configuring resources are its siblings under the same parent.
 */
export function createAuditBucket(name: string, args: AuditBucketArgs, opts: pulumi.CustomResourceOptions): { bucket: aws.s3.Bucket; ready: pulumi.Resource[] } {
  const bucket = new aws.s3.Bucket(name, { forceDestroy: false }, opts);
  const child = { ...opts, dependsOn: undefined };
  const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.bucket, versioningConfiguration: { status: "Enabled" } }, child);
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    { bucket: bucket.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }] },
    child,
  );
  const publicAccess = new aws.s3.BucketPublicAccessBlock(
    `${name}-public-access`,
    { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    child,
  );
  const ownership = new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, child);
  const extra = args.statements ? args.statements(bucket.arn) : [];
  const policy = new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.bucket,
      policy: pulumi.all([bucket.arn, pulumi.all(extra)]).apply(([arn, statements]) =>
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DenyInsecureTransport",
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: [arn, `${arn}/*`],
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            ...statements,
          ],
        }),
      ),
    },
    { ...child, dependsOn: [publicAccess] },
  );
  const ready: pulumi.Resource[] = [versioning, encryption, publicAccess, ownership, policy];
  if (args.accessLogBucket !== undefined) {
    ready.push(new aws.s3.BucketLogging(`${name}-logging`, { bucket: bucket.bucket, targetBucket: args.accessLogBucket, targetPrefix: `${name}/` }, child));
  }
  return { bucket, ready };
}
