// s3-bucket-versioning-enabled: every bucket has versioning on (inline or through a BucketVersioning resource).
import { label, ofType, T } from "../../helpers";
import { stackRule } from "../../model";
import { versioning } from "../../s3";

export default stackRule("s3-bucket-versioning-enabled", (resources) =>
  ofType(resources, T.bucket)
    .filter((bucket) => versioning(bucket, resources) === "uncovered")
    .map((bucket) => ({ resource: bucket, message: `Bucket ${label(bucket)} has no BucketVersioning with status Enabled.` })),
);
