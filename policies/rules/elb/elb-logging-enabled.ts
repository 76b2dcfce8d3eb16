// elb-logging-enabled: application and network load balancers write access logs.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("elb-logging-enabled", (r) =>
  judgeKnown(r, ["loadBalancerType", "accessLogs.enabled"], () => {
    const logs = r.props.accessLogs;
    if (r.props.loadBalancerType === "gateway") return [];
    // A bucket set from an unknown output is a bucket: its presence is what the rule checks.
    if (logs?.enabled === true && logs.bucket) return [];
    return [`Load balancer ${label(r)} has no access logs (accessLogs.enabled with a bucket).`];
  }),
);
