// autoscaling-launch-template: Auto Scaling groups launch from launch templates.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";
import { cannotJudge } from "../../preview";

export default resourceRule("autoscaling-launch-template", (r) => {
  const { launchConfiguration, launchTemplate, mixedInstancesPolicy } = r.props;
  if (!launchConfiguration || (launchTemplate && !isUnknown(launchTemplate)) || (mixedInstancesPolicy && !isUnknown(mixedInstancesPolicy))) return [];
  // A template or policy unknown at preview may be absent, leaving the launch configuration.
  if (isUnknown(launchTemplate) || isUnknown(mixedInstancesPolicy)) return [cannotJudge(`Auto Scaling group ${label(r)}: whether a launch template replaces its launch configuration is unknown until the update.`)];
  return [`Auto Scaling group ${label(r)} uses a launch configuration.`];
});
