// S3 user guide, "Amazon S3 Event Notifications", with Pulumi's bucket.onObjectCreated helper: a private, encrypted,
// versioned bucket whose uploads trigger an inline function.
import * as aws from "@pulumi/aws";

const key = new aws.kms.Key("uploads-key", { description: "uploads", enableKeyRotation: true, deletionWindowInDays: 30 });
const uploads = new aws.s3.Bucket("uploads");
new aws.s3.BucketServerSideEncryptionConfiguration("uploads-sse", {
  bucket: uploads.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
});
new aws.s3.BucketVersioning("uploads-versioning", { bucket: uploads.id, versioningConfiguration: { status: "Enabled" } });
new aws.s3.BucketPublicAccessBlock("uploads-bpa", { bucket: uploads.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });

uploads.onObjectCreated("thumbnail", async (event) => {
  for (const record of event.Records ?? []) {
    console.log(`new object ${record.s3.object.key} (${record.s3.object.size} bytes)`);
  }
});

export const bucketName = uploads.bucket;
