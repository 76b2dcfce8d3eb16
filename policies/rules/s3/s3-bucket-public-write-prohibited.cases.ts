import { BUCKET, doc, judgedByAwsConfig, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

const cases = ruleCases({
    compliant: [
      { title: "secured bucket", input: secureBucket("data") },
      { title: "public-read (not write) ACL", input: [res(BUCKET, "site", { bucket: "site", acl: "public-read" })] },
    ],
    violating: [
      { title: "public-read-write ACL resource", input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "drop-bpa", { bucket: "drop", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketAcl:BucketAcl", "drop-acl", { bucket: "drop", acl: "public-read-write" })], about: "drop" },
      {
        title: "ACL grant WRITE to AllUsers",
        input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "drop-bpa", { bucket: "drop", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketAcl:BucketAcl", "drop-acl", { bucket: "drop", accessControlPolicy: { owner: { id: "o" }, grants: [{ permission: "WRITE", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" } }] } })],
        about: "drop",
      },
      { title: "policy allowing s3:PutObject to *", input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "drop-bpa", { bucket: "drop", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketPolicy:BucketPolicy", "drop-policy", { bucket: "drop", policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: "arn:aws:s3:::drop/*" }) })], about: "drop" },
    ],
    unknown: [{ title: "policy unknown at preview, Block Public Access off", input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "drop-bpa", { bucket: "drop", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketPolicy:BucketPolicy", "drop-policy", { bucket: "drop", policy: UNKNOWN })], about: "drop" }],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "secured bucket": "COMPLIANT",
  "public-read (not write) ACL": "COMPLIANT",
  "public-read-write ACL resource": "NON_COMPLIANT",
  "ACL grant WRITE to AllUsers": "NON_COMPLIANT",
  "policy allowing s3:PutObject to *": "NON_COMPLIANT",
});
