// cloud-trail-cloud-watch-logs-enabled: trails deliver to CloudWatch Logs.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("cloud-trail-cloud-watch-logs-enabled", (r) => {
  const group = r.props.cloudWatchLogsGroupArn;
  return isUnknown(group) || (typeof group === "string" && group !== "") ? [] : [`Trail ${label(r)} has no cloudWatchLogsGroupArn.`];
});
