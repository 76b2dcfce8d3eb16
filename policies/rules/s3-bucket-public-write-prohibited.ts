// s3-bucket-public-write-prohibited: no ACL or bucket policy grants public write access that Block Public Access leaves in effect.
import { label, ofType, statementsOf, T } from "../helpers";
import { ResourceView, stackRule, StackViolation } from "../model";
import { bucketsNamedBy, inlineGrantsPublic, publicAccessBlock, publicAcl, publicGrant } from "../s3";

export default stackRule("s3-bucket-public-write-prohibited", (resources) => {
  const buckets = ofType(resources, T.bucket);
  const out: StackViolation[] = [];
  // A grant is neutralised when the bucket's Block Public Access ignores it (ACLs) or restricts it (policies).
  const report = (grantor: ResourceView, targets: ResourceView[] | undefined, via: "acl" | "policy") => {
    if (targets === undefined) return;
    const settings = via === "acl" ? ["ignorePublicAcls"] : ["restrictPublicBuckets"];
    const exposed = targets.filter((b) => publicAccessBlock(b, resources, settings) === "uncovered");
    const what = via === "acl" ? "an ACL" : "a bucket policy statement";
    if (targets.length === 0) out.push({ resource: grantor, message: `${label(grantor)} grants public write access through ${what}.` });
    for (const b of exposed) out.push({ resource: b, message: `Bucket ${label(b)} allows public write access through ${what} (${label(grantor)}).` });
  };
  for (const b of buckets) {
    if (publicAcl(b.props.acl, undefined, "write") || inlineGrantsPublic(b.props.grants, "write")) report(b, [b], "acl");
    if ((statementsOf(b.props.policy) ?? []).some((s) => publicGrant(s, "write"))) report(b, [b], "policy");
  }
  for (const r of ofType(resources, T.bucketAcl)) {
    const policy = r.props.accessControlPolicy;
    if (publicAcl(r.props.acl, policy, "write")) report(r, bucketsNamedBy(r, buckets), "acl");
  }
  for (const r of ofType(resources, T.bucketPolicy)) {
    if ((statementsOf(r.props.policy) ?? []).some((s) => publicGrant(s, "write"))) report(r, bucketsNamedBy(r, buckets), "policy");
  }
  return out;
});
