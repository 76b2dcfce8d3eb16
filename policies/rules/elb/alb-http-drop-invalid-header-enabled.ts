// alb-http-drop-invalid-header-enabled: Application Load Balancers drop invalid HTTP headers. (FSBP ELB.4)
import { oneOf, requireTrue, settingRule, whenApplies } from "../../judge";

export default settingRule("alb-http-drop-invalid-header-enabled", (p) =>
  whenApplies(oneOf(p.loadBalancerType ?? "application", ["application"]), () => requireTrue(p.dropInvalidHeaderFields, "passes invalid HTTP headers to targets: set dropInvalidHeaderFields true")),
);
