import { BUCKET, res, ruleCases, secureBucket } from "../cases";

export default ruleCases({
    compliant: [
      { title: "no ACL, default ownership", input: secureBucket("data") },
      { title: "BucketOwnerEnforced", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "BucketOwnerEnforced" } })] },
    ],
    violating: [
      { title: "BucketAcl resource", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: "b", acl: "private" })], about: "b" },
      { title: "ObjectWriter ownership", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "ObjectWriter" } })], about: "b" },
    ],
  });
