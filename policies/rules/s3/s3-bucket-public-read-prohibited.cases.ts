import { BUCKET, doc, res, ruleCases, secureBucket } from "../cases";

export default ruleCases({
    compliant: [
      { title: "secured bucket", input: secureBucket("data") },
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
      { title: "public-read ACL through a BucketAcl resource", input: [res(BUCKET, "open", { bucket: "open" }), res("aws:s3/bucketAcl:BucketAcl", "open-acl", { bucket: "open", acl: "public-read" })], about: "open" },
      { title: "inline public-read ACL", input: [res(BUCKET, "open", { bucket: "open", acl: "public-read" })], about: "open" },
      { title: "policy allowing s3:GetObject to *", input: [res(BUCKET, "open", { bucket: "open" }), res("aws:s3/bucketPolicy:BucketPolicy", "open-policy", { bucket: "open", policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:GetObject"], Resource: "arn:aws:s3:::open/*" }) })], about: "open" },
    ],
  });
