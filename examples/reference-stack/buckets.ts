import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** TLS-only bucket policy statement plus any others, as a JSON document. */
function bucketPolicy(bucketArn: pulumi.Input<string>, extra: (arn: string) => object[] = () => []): pulumi.Output<string> {
  return pulumi.output(bucketArn).apply((arn) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
        ...extra(arn),
      ],
    }),
  );
}

function lockDown(name: string, bucket: aws.s3.Bucket, parent: pulumi.Resource | undefined): aws.s3.BucketPublicAccessBlock {
  new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, { parent });
  new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, { parent });
  return new aws.s3.BucketPublicAccessBlock(
    `${name}-public-access`,
    { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    { parent },
  );
}

export interface LogBucketArgs {
  /** The bucket's name (default: derived from the resource name). */
  readonly bucketName?: string;
  /** Days the logs are kept. */
  readonly retentionDays: number;
  /** Also accept Elastic Load Balancing access logs (the ELB account of the Region writes them). */
  readonly elbLogDelivery?: boolean;
  /** Also accept VPC flow logs under `flow-logs/` (CloudWatch Logs' delivery service writes them). */
  readonly flowLogDelivery?: boolean;
  /** The bucket that receives this bucket's own S3 server access logs (CIS 3.6: log buckets are logged too). */
  readonly accessLogTarget?: aws.s3.Bucket;
}

/**
 * A bucket that receives S3 server access logs (and optionally ALB access logs): SSE-S3, the only encryption those
 * deliveries support; versioned, Block Public Access, TLS only, expiring after `retentionDays`.
 */
export function logBucket(name: string, args: LogBucketArgs, opts: pulumi.CustomResourceOptions = {}): aws.s3.Bucket {
  const bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: true }, opts);
  const publicAccess = lockDown(name, bucket, opts.parent);
  new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }, { parent: opts.parent });
  new aws.s3.BucketLifecycleConfiguration(
    `${name}-lifecycle`,
    { bucket: bucket.id, rules: [{ id: "expire-logs", status: "Enabled", filter: {}, expiration: { days: args.retentionDays }, noncurrentVersionExpiration: { noncurrentDays: 7 } }] },
    { parent: opts.parent },
  );
  if (args.accessLogTarget) {
    new aws.s3.BucketLogging(`${name}-logging`, { bucket: bucket.id, targetBucket: args.accessLogTarget.bucket, targetPrefix: `${name}/` }, { parent: opts.parent });
  }
  const account = aws.getCallerIdentityOutput({}, { parent: opts.parent }).accountId;
  const elbAccount = args.elbLogDelivery ? aws.elb.getServiceAccountOutput({}, { parent: opts.parent }).arn : pulumi.output(undefined);
  new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.id,
      policy: pulumi.all([account, elbAccount]).apply(([accountId, elbArn]) =>
        bucketPolicy(pulumi.interpolate`arn:aws:s3:::${bucket.bucket}`, (arn) => [
          {
            Sid: "S3ServerAccessLogs",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${arn}/*`,
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
          },
          ...(args.flowLogDelivery
            ? [
                { Sid: "FlowLogsAclCheck", Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: arn, Condition: { StringEquals: { "aws:SourceAccount": accountId } } },
                { Sid: "FlowLogsWrite", Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:PutObject", Resource: `${arn}/flow-logs/AWSLogs/${accountId}/*`, Condition: { StringEquals: { "aws:SourceAccount": accountId, "s3:x-amz-acl": "bucket-owner-full-control" } } },
              ]
            : []),
          ...(elbArn ? [{ Sid: "ElbAccessLogs", Effect: "Allow", Principal: { AWS: elbArn }, Action: "s3:PutObject", Resource: `${arn}/alb/AWSLogs/${accountId}/*` }] : []),
        ]),
      ),
    },
    { parent: opts.parent, dependsOn: [publicAccess] },
  );
  return bucket;
}

export interface UploadBucketArgs {
  /** The bucket's name (MalwareQuarantine takes scanned buckets by name). */
  readonly bucketName: string;
  /** Bucket receiving this bucket's server access logs. */
  readonly accessLogBucketName: pulumi.Input<string>;
  /** Origins allowed to upload from a browser (CORS PUT/POST); none by default. */
  readonly corsOrigins?: string[];
}

/**
 * A bucket that receives uploads from outside: SSE-KMS, versioned, private, TLS only, access-logged, and tagged so the
 * policy pack (kamae-upload-bucket-malware-scan) requires a MalwareQuarantine to scan it. The key is the account's
 * `aws/s3` key: MalwareQuarantine takes the source buckets' customer keys as plain ARNs, so a key created in the same
 * program cannot be handed to it yet.
 */
export function uploadBucket(name: string, args: UploadBucketArgs, opts: pulumi.CustomResourceOptions = {}): aws.s3.Bucket {
  const bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, tags: { "kamae:receives-uploads": "true" } }, opts);
  const publicAccess = lockDown(name, bucket, opts.parent);
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] },
    { parent: opts.parent },
  );
  new aws.s3.BucketPolicy(`${name}-policy`, { bucket: bucket.id, policy: bucketPolicy(bucket.arn) }, { parent: opts.parent, dependsOn: [publicAccess] });
  new aws.s3.BucketLogging(`${name}-logging`, { bucket: bucket.id, targetBucket: args.accessLogBucketName, targetPrefix: `${args.bucketName}/` }, { parent: opts.parent });
  if (args.corsOrigins?.length) {
    new aws.s3.BucketCorsConfiguration(
      `${name}-cors`,
      { bucket: bucket.id, corsRules: [{ allowedMethods: ["PUT", "POST"], allowedOrigins: args.corsOrigins, allowedHeaders: ["*"], maxAgeSeconds: 3000 }] },
      { parent: opts.parent },
    );
  }
  return bucket;
}
