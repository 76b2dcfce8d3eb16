// s3-bucket-cross-region-replication-enabled: S3 buckets replicate to another Region. (FSBP S3.7)
import { asArray, coverage, label, ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("s3-bucket-cross-region-replication-enabled", (resources) => {
  const configs = ofType(resources, ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"]);
  return ofType(resources, ["aws:s3/bucket:Bucket","aws:s3/bucketV2:BucketV2"])
    .flatMap((t) => {
      const verdict = coverage(t, configs, "bucket", (c) => (isUnknown(c.props.rules) ? "unknown" : asArray(c.props.rules).some((r) => r?.status === "Enabled")));
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} does not replicate: add aws.s3.BucketReplicationConfig` }];
    });
});
