// guardduty-enabled-centralized: an enabled GuardDuty detector exists in the stack, or config declares it external.
import { ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("guardduty-enabled-centralized", (resources, config) => {
  if (config.managedExternally) return [];
  const ok = ofType(resources, ["aws:guardduty/detector:Detector"]).some((d) => d.props.enable !== false);
  return ok ? [] : [{ message: "No enabled GuardDuty detector in the stack (add SecurityBaseline), and managedExternally is not set." }];
});
