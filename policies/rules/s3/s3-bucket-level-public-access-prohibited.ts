// s3-bucket-level-public-access-prohibited: every bucket has a BucketPublicAccessBlock with all four settings true.
import { label, ofType, T } from "../../helpers";
import { stackRule } from "../../model";
import { ALL_BPA_SETTINGS, publicAccessBlock } from "../../s3";

export default stackRule("s3-bucket-level-public-access-prohibited", (resources) =>
  ofType(resources, T.bucket)
    .filter((bucket) => publicAccessBlock(bucket, resources, ALL_BPA_SETTINGS) === "uncovered")
    .map((bucket) => ({
      resource: bucket,
      message: `Bucket ${label(bucket)} has no BucketPublicAccessBlock with ${ALL_BPA_SETTINGS.join(", ")} all true.`,
    })),
);
