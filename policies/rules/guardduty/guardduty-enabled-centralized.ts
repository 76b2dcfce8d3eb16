// guardduty-enabled-centralized: an enabled GuardDuty detector exists in the stack, or config declares it external.
import { label, ofType } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("guardduty-enabled-centralized", (resources, config) => {
  if (config.managedExternally) return [];
  const detectors = ofType(resources, ["aws:guardduty/detector:Detector"]);
  if (detectors.some((d) => d.props.enable !== false && !isUnknown(d.props.enable))) return [];
  const undecided = detectors.find((d) => isUnknown(d.props.enable));
  if (undecided) return [{ resource: undecided, cannotJudge: true, message: `GuardDuty detector ${label(undecided)}: whether it is enabled is unknown until the update.` }];
  return [{ message: "No enabled GuardDuty detector in the stack (add SecurityBaseline), and managedExternally is not set." }];
});
