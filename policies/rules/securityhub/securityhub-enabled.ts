// securityhub-enabled: Security Hub is enabled in the stack, or config declares it external.
import { ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("securityhub-enabled", (resources, config) => {
  if (config.managedExternally || ofType(resources, ["aws:securityhub/account:Account"]).length > 0) return [];
  return [{ message: "Security Hub is not enabled in the stack (add SecurityBaseline), and managedExternally is not set." }];
});
