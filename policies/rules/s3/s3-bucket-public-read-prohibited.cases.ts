import { BUCKET, doc, judgedByAwsConfig, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

const cases = ruleCases({
    compliant: [
      { title: "secured bucket", input: secureBucket("data") },
      {
        title: "public policy on a bucket with no BucketPublicAccessBlock: AWS's default (all on) restricts it",
        input: [res(BUCKET, "site", { bucket: "site" }), res("aws:s3/bucketPolicy:BucketPolicy", "site-public", { bucket: "site", policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" }) })],
      },
      {
        title: "public-read policy neutralised by restrictPublicBuckets",
        input: [...secureBucket("site"), res("aws:s3/bucketPolicy:BucketPolicy", "site-public", { bucket: "site", policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" }) })],
      },
      {
        title: "public principal restricted to a CloudFront distribution by aws:SourceArn",
        input: [
          res(BUCKET, "cdn", { bucket: "cdn" }),
          res("aws:s3/bucketPolicy:BucketPolicy", "cdn-oac", {
            bucket: "cdn",
            policy: doc({ Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::cdn/*", Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } } }),
          }),
        ],
      },
    ],
    violating: [
      { title: "public-read ACL through a BucketAcl resource", input: [res(BUCKET, "open", { bucket: "open" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "open-bpa", { bucket: "open", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketAcl:BucketAcl", "open-acl", { bucket: "open", acl: "public-read" })], about: "open" },
      { title: "inline public-read ACL", input: [res(BUCKET, "open", { bucket: "open", acl: "public-read" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "open-bpa", { bucket: "open", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false })], about: "open" },
      { title: "policy allowing s3:GetObject to *", input: [res(BUCKET, "open", { bucket: "open" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "open-bpa", { bucket: "open", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketPolicy:BucketPolicy", "open-policy", { bucket: "open", policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:GetObject"], Resource: "arn:aws:s3:::open/*" }) })], about: "open" },
    ],
    unknown: [
      { title: "BucketAcl whose canned ACL is unknown at preview, Block Public Access off", input: [res(BUCKET, "open", { bucket: "open" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "open-bpa", { bucket: "open", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketAcl:BucketAcl", "open-acl", { bucket: "open", acl: UNKNOWN })], about: "open", says: "ACL of open-acl" },
      { title: "inline canned ACL unknown at preview, Block Public Access off", input: [res(BUCKET, "open", { bucket: "open", acl: UNKNOWN }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "open-bpa", { bucket: "open", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false })], about: "open" },
      {
        title: "policy unknown at preview on a bucket whose Block Public Access is off",
        input: [res(BUCKET, "site", { bucket: "site" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "site-bpa", { bucket: "site", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketPolicy:BucketPolicy", "site-policy", { bucket: "site", policy: UNKNOWN })],
        about: "site",
      },
      {
        title: "public policy, Block Public Access settings unknown",
        input: [res(BUCKET, "site", { bucket: "site" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "site-bpa", { bucket: "site", restrictPublicBuckets: UNKNOWN }), res("aws:s3/bucketPolicy:BucketPolicy", "site-policy", { bucket: "site", policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" }) })],
        about: "site",
      },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "secured bucket": "COMPLIANT",
  "public policy on a bucket with no BucketPublicAccessBlock: AWS's default (all on) restricts it": "COMPLIANT",
  "public-read policy neutralised by restrictPublicBuckets": "COMPLIANT",
  "public principal restricted to a CloudFront distribution by aws:SourceArn": "COMPLIANT",
  "public-read ACL through a BucketAcl resource": "NON_COMPLIANT",
  "inline public-read ACL": "NON_COMPLIANT",
  "policy allowing s3:GetObject to *": "NON_COMPLIANT",
});
