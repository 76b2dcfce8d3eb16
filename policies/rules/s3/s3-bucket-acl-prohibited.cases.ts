import { BUCKET, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

export default ruleCases({
  unknown: [{ title: "object ownership from an unknown output", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: UNKNOWN } })], about: "b" },],
    compliant: [
      { title: "no ACL, default ownership", input: secureBucket("data") },
      { title: "BucketOwnerEnforced", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "BucketOwnerEnforced" } })] },
    ],
    violating: [
      { title: "BucketAcl resource", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: "b", acl: "private" })], about: "b" },
      { title: "ObjectWriter ownership", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "ObjectWriter" } })], about: "b" },
    ],
  });
