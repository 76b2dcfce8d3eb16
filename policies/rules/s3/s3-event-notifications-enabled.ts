// s3-event-notifications-enabled: S3 buckets send event notifications. (FSBP S3.11)
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("s3-event-notifications-enabled", (resources) => {
  const configs = ofType(resources, ["aws:s3/bucketNotification:BucketNotification"]);
  return ofType(resources, ["aws:s3/bucket:Bucket","aws:s3/bucketV2:BucketV2"])
    .flatMap((t) => {
      const verdict = coverage(t, configs, "bucket");
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} sends no event notifications: add aws.s3.BucketNotification` }];
    });
});
