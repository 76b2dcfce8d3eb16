// s3-bucket-logging-enabled: every bucket has server access logging, except buckets that receive S3 server access logs
// (logging them would loop). CloudTrail, CloudFront, ELB and flow-log buckets need access logs like any other.
import { coverage, label, ofType, ofTypeCached, referenceSet, T } from "../../helpers";
import { stackRule, StackViolation } from "../../model";
import { isLogTarget, logTargets, NO_LOG_TARGETS } from "../../s3";

export default stackRule("s3-bucket-logging-enabled", (resources, config) => {
  // Stryker disable next-line StringLiteral: equivalent, logTargets reads only whether this is "sse-s3-only"
  const targets = config.exemptLogTargets === false ? NO_LOG_TARGETS : logTargets(resources, "s3-access-logs");
  const loggings = ofTypeCached(resources, T.bucketLogging);
  const out: StackViolation[] = [];
  const buckets = ofType(resources, T.bucket);
  for (const bucket of buckets) {
    // Inline logging (deprecated): a target unknown at preview counts only when it comes from a bucket of this stack.
    const inline = ["logging.targetBucket", "loggings.0.targetBucket"].map((path) => referenceSet(bucket, path, buckets));
    if (inline.includes(true)) continue;
    const verdict = coverage(bucket, loggings, "bucket");
    const target = isLogTarget(bucket, targets);
    if (verdict === "covered" || target === true) continue;
    if (verdict === "unknown" || target === "unknown" || inline.includes("unknown")) {
      out.push({ resource: bucket, cannotJudge: true, message: `Bucket ${label(bucket)}: whether it has (or receives) server access logs is unknown until the update.` });
    } else {
      out.push({ resource: bucket, message: `Bucket ${label(bucket)} has no BucketLogging (server access logs).` });
    }
  }
  return out;
});
