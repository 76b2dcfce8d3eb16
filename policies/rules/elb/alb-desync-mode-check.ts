// alb-desync-mode-check: Application Load Balancers use the defensive or strictest desync mitigation mode. (FSBP ELB.12)
import { requireIn, settingRule } from "../../judge";

export default settingRule("alb-desync-mode-check", (p) => (p.loadBalancerType !== undefined && p.loadBalancerType !== "application" ? undefined : requireIn(p.desyncMitigationMode, ["defensive", "strictest"], "accepts ambiguous requests (monitor mode): set desyncMitigationMode defensive or strictest", "defensive")));
