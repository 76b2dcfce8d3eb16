// Amazon Data Firehose developer guide, "Grant Firehose access to an Amazon S3 destination": a delivery stream into a
// bucket, with the role's policy limited to that bucket.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const landing = new aws.s3.Bucket("clickstream-landing");
new aws.s3.BucketServerSideEncryptionConfiguration("clickstream-landing-sse", { bucket: landing.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] });

const role = new aws.iam.Role("firehose-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "firehose.amazonaws.com" }) });
new aws.iam.RolePolicy("firehose-s3", {
  role: role.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"], Resource: [landing.arn, pulumi.interpolate`${landing.arn}/*`] },
    ],
  }),
});

new aws.kinesis.FirehoseDeliveryStream("clickstream", {
  destination: "extended_s3",
  serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
  extendedS3Configuration: { roleArn: role.arn, bucketArn: landing.arn, prefix: "events/", bufferingInterval: 300, bufferingSize: 64, compressionFormat: "GZIP" },
});
