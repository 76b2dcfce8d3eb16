// alb-http-drop-invalid-header-enabled: Application Load Balancers drop invalid HTTP headers. (FSBP ELB.4)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("alb-http-drop-invalid-header-enabled", (p) => (p.loadBalancerType ?? "application") !== "application" ? undefined : requireTrue(p.dropInvalidHeaderFields, "passes invalid HTTP headers to targets: set dropInvalidHeaderFields true"));
