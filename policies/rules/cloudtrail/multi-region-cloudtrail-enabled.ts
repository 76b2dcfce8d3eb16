// multi-region-cloudtrail-enabled: a logging multi-region trail exists in the stack, or config declares it external.
import { label, ofType, T } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("multi-region-cloudtrail-enabled", (resources, config) => {
  if (config.managedExternally) return [];
  const trails = ofType(resources, T.trail);
  if (trails.some((t) => t.props.isMultiRegionTrail === true && t.props.enableLogging !== false && !isUnknown(t.props.enableLogging))) return [];
  const undecided = trails.find((t) => (t.props.isMultiRegionTrail === true || isUnknown(t.props.isMultiRegionTrail)) && t.props.enableLogging !== false && (isUnknown(t.props.isMultiRegionTrail) || isUnknown(t.props.enableLogging)));
  if (undecided) return [{ resource: undecided, cannotJudge: true, message: `Trail ${label(undecided)}: whether it is a logging multi-region trail is unknown until the update.` }];
  return [{ message: "No logging multi-region CloudTrail trail in the stack (add SecurityBaseline or a Trail with isMultiRegionTrail), and managedExternally is not set." }];
});
