// s3-bucket-level-public-access-prohibited: no bucket turns off any of the four Block Public Access settings (a bucket
// without a BucketPublicAccessBlock keeps AWS's default for new buckets, all four on, which AWS Config judges compliant).
import { label, ofType, T } from "../../helpers";
import { stackRule, StackViolation } from "../../model";
import { ALL_BPA_SETTINGS, publicAccessBlock } from "../../s3";

export default stackRule("s3-bucket-level-public-access-prohibited", (resources) => {
  const out: StackViolation[] = [];
  for (const bucket of ofType(resources, T.bucket)) {
    const verdict = publicAccessBlock(bucket, resources, ALL_BPA_SETTINGS);
    if (verdict === "uncovered") out.push({ resource: bucket, message: `Bucket ${label(bucket)} has a BucketPublicAccessBlock that does not set ${ALL_BPA_SETTINGS.join(", ")} all true.` });
    if (verdict === "unknown") out.push({ resource: bucket, cannotJudge: true, message: `Bucket ${label(bucket)}: its Block Public Access settings are unknown until the update.` });
  }
  return out;
});
