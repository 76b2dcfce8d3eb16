// s3-bucket-acl-prohibited: buckets do not use ACLs (no ACL set, object ownership BucketOwnerEnforced).
import { label, ofType, programValue, T } from "../../helpers";
import { isUnknown, ResourceView, stackRule, StackViolation } from "../../model";
import { bucketsNamedBy } from "../../s3";

export default stackRule("s3-bucket-acl-prohibited", (resources) => {
  const buckets = ofType(resources, T.bucket);
  const out: StackViolation[] = [];
  const report = (from: ResourceView, what: string) => {
    // About the bucket it names; about itself when that bucket is in another stack or unknown until the update (it
    // enables ACLs on whichever bucket it is).
    const targets = bucketsNamedBy(from, buckets) ?? [];
    if (targets.length === 0) out.push({ resource: from, message: `${label(from)} ${what}.` });
    for (const b of targets) out.push({ resource: b, message: `Bucket ${label(b)}: ${label(from)} ${what}.` });
  };
  for (const b of buckets) {
    const acl = programValue(b, "acl");
    if (typeof acl === "string" && acl !== "private") out.push({ resource: b, message: `Bucket ${label(b)} sets the ACL "${acl}".` });
    // An ACL the program sets from an output may be any canned ACL.
    if (isUnknown(acl)) out.push({ resource: b, cannotJudge: true, message: `Bucket ${label(b)}: the ACL it sets is unknown until the update (any ACL but private is one the rule flags).` });
  }
  for (const r of ofType(resources, T.bucketAcl)) report(r, "sets a bucket ACL");
  for (const r of ofType(resources, T.bucketOwnershipControls)) {
    const ownership = r.props.rule?.objectOwnership;
    if (isUnknown(r.props.rule) || isUnknown(ownership)) {
      const named = bucketsNamedBy(r, buckets);
      if (named === undefined) out.push({ resource: r, cannotJudge: true, message: `${label(r)}: the object ownership it sets, and on which bucket, are unknown until the update.` });
      for (const b of named ?? []) out.push({ resource: b, cannotJudge: true, message: `Bucket ${label(b)}: the object ownership ${label(r)} sets is unknown until the update.` });
      continue;
    }
    if (typeof ownership === "string" && ownership !== "BucketOwnerEnforced") report(r, `sets object ownership ${ownership}, which enables ACLs`);
  }
  return out;
});
