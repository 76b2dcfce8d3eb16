// s3-bucket-logging-enabled: every bucket has server access logging, except buckets that receive S3 server access logs
// (logging them would loop). CloudTrail, CloudFront, ELB and flow-log buckets need access logs like any other.
import { asArray, coverage, label, ofType, ofTypeCached, T } from "../../helpers";
import { isUnknown, stackRule, StackViolation } from "../../model";
import { isLogTarget, logTargets, NO_LOG_TARGETS } from "../../s3";

export default stackRule("s3-bucket-logging-enabled", (resources, config) => {
  // Stryker disable next-line StringLiteral: equivalent, logTargets reads only whether this is "sse-s3-only"
  const targets = config.exemptLogTargets === false ? NO_LOG_TARGETS : logTargets(resources, "s3-access-logs");
  const loggings = ofTypeCached(resources, T.bucketLogging);
  const out: StackViolation[] = [];
  for (const bucket of ofType(resources, T.bucket)) {
    const inline = bucket.props.logging ?? asArray(bucket.props.loggings)[0];
    // A target set from an unknown output is a target: its presence is what the rule checks.
    if (inline && (isUnknown(inline) || inline.targetBucket)) continue;
    const verdict = coverage(bucket, loggings, "bucket");
    const target = isLogTarget(bucket, targets);
    if (verdict === "covered" || target === true) continue;
    if (verdict === "unknown" || target === "unknown") {
      out.push({ resource: bucket, cannotJudge: true, message: `Bucket ${label(bucket)}: whether it has (or receives) server access logs is unknown until the update.` });
    } else {
      out.push({ resource: bucket, message: `Bucket ${label(bucket)} has no BucketLogging (server access logs).` });
    }
  }
  return out;
});
