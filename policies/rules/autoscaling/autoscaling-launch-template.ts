// autoscaling-launch-template: Auto Scaling groups launch from launch templates.
import { label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("autoscaling-launch-template", (r) =>
  r.props.launchConfiguration && !r.props.launchTemplate && !r.props.mixedInstancesPolicy ? [`Auto Scaling group ${label(r)} uses a launch configuration.`] : [],
);
