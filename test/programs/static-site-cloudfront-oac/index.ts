// CloudFront developer guide, "Restricting access to an Amazon S3 origin" (origin access control) and "Configuring
// standard logging": the content bucket stays private, CloudFront reads it through OAC, logs go to a log bucket.
import * as aws from "@pulumi/aws";

const content = new aws.s3.Bucket("content");
new aws.s3.BucketPublicAccessBlock("content-bpa", {
  bucket: content.id,
  blockPublicAcls: true,
  blockPublicPolicy: true,
  ignorePublicAcls: true,
  restrictPublicBuckets: true,
});

// CloudFront standard logging (legacy) writes with ACLs: the log bucket needs ObjectWriter ownership.
const logs = new aws.s3.Bucket("cdn-logs");
new aws.s3.BucketOwnershipControls("cdn-logs-ownership", { bucket: logs.id, rule: { objectOwnership: "ObjectWriter" } });

const oac = new aws.cloudfront.OriginAccessControl("oac", {
  originAccessControlOriginType: "s3",
  signingBehavior: "always",
  signingProtocol: "sigv4",
});

const cdn = new aws.cloudfront.Distribution("cdn", {
  enabled: true,
  defaultRootObject: "index.html",
  origins: [{ originId: "s3", domainName: content.bucketRegionalDomainName, originAccessControlId: oac.id }],
  defaultCacheBehavior: {
    targetOriginId: "s3",
    viewerProtocolPolicy: "redirect-to-https",
    allowedMethods: ["GET", "HEAD"],
    cachedMethods: ["GET", "HEAD"],
    cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6", // Managed-CachingOptimized
  },
  loggingConfig: { bucket: logs.bucketDomainName, prefix: "cdn/", includeCookies: false },
  restrictions: { geoRestriction: { restrictionType: "none" } },
  viewerCertificate: { cloudfrontDefaultCertificate: true },
});

new aws.s3.BucketPolicy("content-policy", {
  bucket: content.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      {
        sid: "AllowCloudFrontServicePrincipalReadOnly",
        principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
        actions: ["s3:GetObject"],
        resources: [content.arn.apply((arn) => `${arn}/*`)],
        conditions: [{ test: "StringEquals", variable: "AWS:SourceArn", values: [cdn.arn] }],
      },
    ],
  }).json,
});

export const domain = cdn.domainName;
