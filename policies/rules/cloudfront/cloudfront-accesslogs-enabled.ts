// cloudfront-accesslogs-enabled: distributions write standard access logs to an S3 bucket (the Config rule: logging
// is on). A bucket unknown at preview counts only when it comes from a bucket of this stack.
import { ofType, referenceViolations, T } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("cloudfront-accesslogs-enabled", (resources) =>
  referenceViolations(ofType(resources, T.distribution), "loggingConfig.bucket", ofType(resources, T.bucket), "has no loggingConfig bucket: set it to the domain name of a log bucket", "S3 bucket"),
);
