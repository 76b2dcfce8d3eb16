// autoscaling-launch-config-public-ip-disabled: launch configurations do not associate public IPs.
import { isTrue, label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("autoscaling-launch-config-public-ip-disabled", (r) =>
  judgeKnown(r, ["associatePublicIpAddress"], () => (isTrue(r.props.associatePublicIpAddress) ? [`Launch configuration ${label(r)} associates public IP addresses.`] : [])),
);
