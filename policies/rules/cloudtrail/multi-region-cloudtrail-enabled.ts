// multi-region-cloudtrail-enabled: a logging multi-region trail exists in the stack, or config declares it external.
import { ofType, T } from "../../helpers";
import { isUnknown, stackRule } from "../../model";

export default stackRule("multi-region-cloudtrail-enabled", (resources, config) => {
  if (config.managedExternally) return [];
  const ok = ofType(resources, T.trail).some(
    (t) => (t.props.isMultiRegionTrail === true || isUnknown(t.props.isMultiRegionTrail)) && t.props.enableLogging !== false,
  );
  return ok ? [] : [{ message: "No logging multi-region CloudTrail trail in the stack (add SecurityBaseline or a Trail with isMultiRegionTrail), and managedExternally is not set." }];
});
