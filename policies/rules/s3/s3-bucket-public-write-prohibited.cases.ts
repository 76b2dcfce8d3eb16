import { BUCKET, doc, judgedByAwsConfig, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

const drop = res(BUCKET, "drop", { bucket: "drop" });
const open = res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "drop-bpa", { bucket: "drop", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false });
const ignoring = res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "drop-bpa", { bucket: "drop", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
const aclOf = (props: Record<string, unknown>) => res("aws:s3/bucketAcl:BucketAcl", "drop-acl", { bucket: "drop", ...props });
const grant = (permission: unknown, grantee: unknown) => ({ accessControlPolicy: { owner: { id: "o" }, grants: [{ permission, grantee }] } });
const ALL_USERS = { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" };

const cases = ruleCases({
    compliant: [
      { title: "secured bucket", input: secureBucket("data") },
      { title: "public-read (not write) ACL", input: [res(BUCKET, "site", { bucket: "site", acl: "public-read" })] },
      { title: "ACL unknown at preview, Block Public Access ignoring public ACLs", input: [drop, ignoring, aclOf({ acl: UNKNOWN })] },
      { title: "grant of an unknown permission to a canonical user (not the public)", input: [drop, open, aclOf(grant(UNKNOWN, { type: "CanonicalUser", id: "79a59df900b949e55d96a1e698fbaced" }))] },
      { title: "grant of READ (not write) to a grantee unknown at preview", input: [drop, open, aclOf(grant("READ", { type: "Group", uri: UNKNOWN }))] },
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
    unknown: [
      { title: "policy unknown at preview, Block Public Access off", input: [res(BUCKET, "drop", { bucket: "drop" }), res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "drop-bpa", { bucket: "drop", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }), res("aws:s3/bucketPolicy:BucketPolicy", "drop-policy", { bucket: "drop", policy: UNKNOWN })], about: "drop" },
      { title: "canned ACL unknown at preview, Block Public Access off", input: [drop, open, aclOf({ acl: UNKNOWN })], about: "drop", says: "does not ignore public ACLs" },
      { title: "grant to AllUsers of a permission unknown at preview", input: [drop, open, aclOf(grant(UNKNOWN, ALL_USERS))], about: "drop", says: "ACL of drop-acl" },
      { title: "WRITE granted to a grantee unknown at preview", input: [drop, open, aclOf(grant("WRITE", UNKNOWN))], about: "drop" },
      { title: "access control policy unknown at preview", input: [drop, open, aclOf({ accessControlPolicy: UNKNOWN })], about: "drop" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "secured bucket": "COMPLIANT",
  "public-read (not write) ACL": "COMPLIANT",
  "ACL unknown at preview, Block Public Access ignoring public ACLs": "COMPLIANT",
  "grant of an unknown permission to a canonical user (not the public)": "COMPLIANT",
  "grant of READ (not write) to a grantee unknown at preview": "COMPLIANT",
  "public-read-write ACL resource": "NON_COMPLIANT",
  "ACL grant WRITE to AllUsers": "NON_COMPLIANT",
  "policy allowing s3:PutObject to *": "NON_COMPLIANT",
});
