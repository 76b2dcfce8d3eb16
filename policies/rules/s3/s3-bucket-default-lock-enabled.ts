// s3-bucket-default-lock-enabled: S3 buckets have Object Lock enabled. (FSBP S3.15)
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("s3-bucket-default-lock-enabled", (resources) => {
  const configs = ofType(resources, ["aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration","aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2"]);
  return ofType(resources, ["aws:s3/bucket:Bucket","aws:s3/bucketV2:BucketV2"])
    .filter((t) => t.props.objectLockEnabled !== true)
    .flatMap((t) => {
      const verdict = coverage(t, configs, "bucket");
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} has no Object Lock: create it with objectLockEnabled true` }];
    });
});
