import { ResourceView } from "../../policies/model";

/** A resource view as the pack builds it, with an engine-shaped URN (parent types joined by `$`). */
export function res(type: string, name: string, props: Record<string, any>, extra: Partial<ResourceView> & { parentTypes?: string[] } = {}): ResourceView {
  const { parentTypes, ...rest } = extra;
  const qualified = [...(parentTypes ?? []), type].join("$");
  return { urn: `urn:pulumi:test::kamae::${qualified}::${name}`, type, name, props, ...rest };
}

export const BUCKET = "aws:s3/bucket:Bucket";
export const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export const tlsOnlyPolicy = (bucket: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  });

/**
 * A bucket secured the @pulumi/aws v7 way: every setting a separate resource naming the bucket, plus its access-log
 * bucket (which is exempt from logging itself, encrypted with SSE-S3, and otherwise secured the same way).
 */
export function secureBucket(name: string, options: { logBucket?: string } = {}): ResourceView[] {
  const logBucket = options.logBucket ?? `${name}-logs`;
  const settings = (bucket: string, suffix: string, sse: Record<string, unknown>): ResourceView[] => [
    res("aws:s3/bucketVersioning:BucketVersioning", `${suffix}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }),
    res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `${suffix}-sse`, { bucket, rules: [sse] }),
    res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${suffix}-bpa`, {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }),
    res("aws:s3/bucketPolicy:BucketPolicy", `${suffix}-policy`, { bucket, policy: tlsOnlyPolicy(bucket) }),
  ];
  return [
    res(BUCKET, name, { bucket: name, arn: `arn:aws:s3:::${name}` }),
    ...settings(name, name, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }),
    res("aws:s3/bucketLogging:BucketLogging", `${name}-logging`, { bucket: name, targetBucket: logBucket, targetPrefix: `${name}/` }),
    res(BUCKET, logBucket, { bucket: logBucket, arn: `arn:aws:s3:::${logBucket}` }),
    // S3 delivers server access logs only to SSE-S3 targets.
    ...settings(logBucket, logBucket, { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }),
  ];
}

export const without = (resources: ResourceView[], name: string) => resources.filter((r) => r.name !== name);
export const replace = (resources: ResourceView[], name: string, props: Record<string, any>) =>
  resources.map((r) => (r.name === name ? { ...r, props: { ...r.props, ...props } } : r));
