// s3-bucket-versioning-enabled: every bucket has versioning on (inline or through a BucketVersioning resource).
import { label, ofType, T } from "../../helpers";
import { stackRule, StackViolation } from "../../model";
import { versioning } from "../../s3";

export default stackRule("s3-bucket-versioning-enabled", (resources) => {
  const out: StackViolation[] = [];
  for (const bucket of ofType(resources, T.bucket)) {
    const verdict = versioning(bucket, resources);
    if (verdict === "uncovered") out.push({ resource: bucket, message: `Bucket ${label(bucket)} has no BucketVersioning with status Enabled.` });
    if (verdict === "unknown") out.push({ resource: bucket, cannotJudge: true, message: `Bucket ${label(bucket)}: whether a BucketVersioning enables versioning is unknown until the update.` });
  }
  return out;
});
