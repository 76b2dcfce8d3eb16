// s3-bucket-logging-enabled: every bucket has server access logging, except buckets that receive access logs.
import { asArray, coverage, label, ofType, ofTypeCached, T } from "../../helpers";
import { isUnknown, stackRule } from "../../model";
import { isLogTarget, logTargets, NO_LOG_TARGETS } from "../../s3";

export default stackRule("s3-bucket-logging-enabled", (resources, config) => {
  const targets = config.exemptLogTargets === false ? NO_LOG_TARGETS : logTargets(resources, "all");
  const loggings = ofTypeCached(resources, T.bucketLogging);
  const out = [];
  for (const bucket of ofType(resources, T.bucket)) {
    const inline = bucket.props.logging ?? asArray(bucket.props.loggings)[0];
    if (inline && (isUnknown(inline) || inline.targetBucket)) continue;
    if (isLogTarget(bucket, targets)) continue;
    if (coverage(bucket, loggings, "bucket") !== "uncovered") continue;
    out.push({ resource: bucket, message: `Bucket ${label(bucket)} has no BucketLogging (server access logs).` });
  }
  return out;
});
