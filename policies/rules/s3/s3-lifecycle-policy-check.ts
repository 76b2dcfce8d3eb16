// s3-lifecycle-policy-check: S3 buckets have a lifecycle configuration. (FSBP S3.13)
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("s3-lifecycle-policy-check", (resources) => {
  const configs = ofType(resources, ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration","aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"]);
  return ofType(resources, ["aws:s3/bucket:Bucket","aws:s3/bucketV2:BucketV2"])
    .flatMap((t) => {
      const verdict = coverage(t, configs, "bucket");
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} has no lifecycle configuration: add aws.s3.BucketLifecycleConfiguration` }];
    });
});
