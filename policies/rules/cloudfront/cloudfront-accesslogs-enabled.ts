// cloudfront-accesslogs-enabled: distributions write standard access logs.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cloudfront-accesslogs-enabled", (r) => {
  const bucket = r.props.loggingConfig?.bucket;
  return isUnknown(r.props.loggingConfig) || isUnknown(bucket) || (typeof bucket === "string" && bucket !== "") ? [] : [`Distribution ${label(r)} has no loggingConfig bucket.`];
});
