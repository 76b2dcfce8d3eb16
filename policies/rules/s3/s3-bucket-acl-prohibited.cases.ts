import { BUCKET, res, ruleCases, secureBucket, UNKNOWN } from "../cases";

const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";

export default ruleCases({
  unknown: [
    { title: "object ownership from an unknown output", input: [res(BUCKET, "b", { bucket: "b" }), res(OWNERSHIP, "b-own", { bucket: "b", rule: { objectOwnership: UNKNOWN } })], about: "b" },
    { title: "inline ACL from an unknown output", input: [res(BUCKET, "b", { bucket: "b", acl: UNKNOWN })], about: "b", says: "the ACL it sets is unknown" },
    { title: "ownership rule unknown, for a bucket of an unknown name", input: [res(BUCKET, "b", { bucket: "b" }), res(OWNERSHIP, "b-own", { bucket: UNKNOWN, rule: UNKNOWN })], about: "b-own" },
  ],
    compliant: [
      { title: "no ACL, default ownership", input: secureBucket("data") },
      { title: "inline private ACL (the canned default, accepted with ACLs disabled)", input: [res(BUCKET, "b", { bucket: "b", acl: "private" })] },
      { title: "an ACL the program left unset, unknown at preview as a computed output that depends on nothing", input: [res(BUCKET, "b", { bucket: "b", acl: UNKNOWN }, { propertyDependencies: { bucket: [], acl: [] } })] },
      { title: "BucketOwnerEnforced", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "BucketOwnerEnforced" } })] },
    ],
    violating: [
      { title: "inline public-read ACL", input: [res(BUCKET, "b", { bucket: "b", acl: "public-read" })], about: "b", says: 'sets the ACL "public-read"' },
      { title: "BucketAcl for a bucket of an unknown name", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: UNKNOWN, acl: "log-delivery-write" })], about: "b-acl", says: "sets a bucket ACL" },
      { title: "BucketAcl for a bucket of another stack", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketAcl:BucketAcl", "other-acl", { bucket: "other-bucket", acl: "public-read" })], about: "other-acl" },
      { title: "BucketOwnerPreferred ownership", input: [res(BUCKET, "b", { bucket: "b" }), res(OWNERSHIP, "b-own", { bucket: "b", rule: { objectOwnership: "BucketOwnerPreferred" } })], about: "b", says: "sets object ownership BucketOwnerPreferred, which enables ACLs" },
      { title: "BucketAcl resource", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketAcl:BucketAcl", "b-acl", { bucket: "b", acl: "private" })], about: "b" },
      { title: "ObjectWriter ownership", input: [res(BUCKET, "b", { bucket: "b" }), res("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "b-own", { bucket: "b", rule: { objectOwnership: "ObjectWriter" } })], about: "b" },
    ],
  });
