// From Pulumi's "static website on AWS" template and the S3 user guide "Hosting a static website": the bucket serves
// index.html publicly, so Block Public Access is turned off and a bucket policy grants s3:GetObject to everyone.
import * as aws from "@pulumi/aws";

const site = new aws.s3.Bucket("site");

new aws.s3.BucketWebsiteConfiguration("site-website", {
  bucket: site.bucket,
  indexDocument: { suffix: "index.html" },
  errorDocument: { key: "error.html" },
});

new aws.s3.BucketOwnershipControls("site-ownership", {
  bucket: site.bucket,
  rule: { objectOwnership: "BucketOwnerEnforced" },
});

const publicAccess = new aws.s3.BucketPublicAccessBlock("site-public-access", {
  bucket: site.bucket,
  blockPublicAcls: false,
  blockPublicPolicy: false,
  ignorePublicAcls: false,
  restrictPublicBuckets: false,
});

new aws.s3.BucketPolicy(
  "site-policy",
  {
    bucket: site.bucket,
    policy: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "PublicReadGetObject",
          Effect: "Allow",
          Principal: "*",
          Action: ["s3:GetObject"],
          Resource: [site.arn.apply((arn) => `${arn}/*`)],
        },
      ],
    },
  },
  { dependsOn: [publicAccess] },
);

new aws.s3.BucketObject("index", { bucket: site.bucket, key: "index.html", content: "<h1>Hello</h1>", contentType: "text/html" });

export const websiteUrl = site.websiteEndpoint;
