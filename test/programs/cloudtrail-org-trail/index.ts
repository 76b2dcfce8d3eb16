// AWS CloudTrail user guide, "Creating a trail" and "Amazon S3 bucket policy for CloudTrail": the bucket policy from
// aws.iam.getPolicyDocument, SSE-KMS with a key CloudTrail may use, log file validation, delivery to CloudWatch Logs.
import * as aws from "@pulumi/aws";

const account = aws.getCallerIdentityOutput().accountId;

const key = new aws.kms.Key("trail-key", {
  description: "CloudTrail logs",
  enableKeyRotation: true,
  policy: account.apply((id) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "CloudTrail", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: ["kms:GenerateDataKey*", "kms:DescribeKey"], Resource: "*" },
      ],
    }),
  ),
});

const bucket = new aws.s3.Bucket("trail-logs", { forceDestroy: false });
new aws.s3.BucketServerSideEncryptionConfiguration("trail-logs-sse", { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn } }] });
new aws.s3.BucketVersioning("trail-logs-versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
new aws.s3.BucketPublicAccessBlock("trail-logs-bpa", { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });

const policy = new aws.s3.BucketPolicy("trail-logs-policy", {
  bucket: bucket.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      { sid: "AWSCloudTrailAclCheck", principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }], actions: ["s3:GetBucketAcl"], resources: [bucket.arn] },
      {
        sid: "AWSCloudTrailWrite",
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        actions: ["s3:PutObject"],
        resources: [bucket.arn.apply((arn) => `${arn}/AWSLogs/*`)],
        conditions: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
      },
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [bucket.arn, bucket.arn.apply((arn) => `${arn}/*`)],
        conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
  }).json,
});

const trailLogs = new aws.cloudwatch.LogGroup("trail", { retentionInDays: 365, kmsKeyId: key.arn });
const trailRole = new aws.iam.Role("trail-to-logs", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "cloudtrail.amazonaws.com" }) });
new aws.iam.RolePolicy("trail-to-logs", {
  role: trailRole.id,
  policy: trailLogs.arn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:*` }] })),
});

new aws.cloudtrail.Trail(
  "org-trail",
  {
    s3BucketName: bucket.id,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    kmsKeyId: key.arn,
    cloudWatchLogsGroupArn: trailLogs.arn.apply((arn) => `${arn}:*`),
    cloudWatchLogsRoleArn: trailRole.arn,
    eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }],
  },
  { dependsOn: [policy] },
);
