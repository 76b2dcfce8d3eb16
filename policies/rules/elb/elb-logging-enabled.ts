// elb-logging-enabled: application and network load balancers write access logs.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("elb-logging-enabled", (r) => {
  const logs = r.props.accessLogs;
  if (isUnknown(logs) || r.props.loadBalancerType === "gateway") return [];
  if (logs && (logs.enabled === true || isUnknown(logs.enabled)) && logs.bucket) return [];
  return [`Load balancer ${label(r)} has no access logs (accessLogs.enabled with a bucket).`];
});
