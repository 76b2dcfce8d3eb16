// alb-desync-mode-check: Application Load Balancers use the defensive or strictest desync mitigation mode. (FSBP ELB.12)
import { oneOf, requireIn, settingRule, whenApplies } from "../../judge";

export default settingRule("alb-desync-mode-check", (p) =>
  whenApplies(p.loadBalancerType === undefined || oneOf(p.loadBalancerType, ["application"]), () => requireIn(p.desyncMitigationMode, ["defensive", "strictest"], "accepts ambiguous requests (monitor mode): set desyncMitigationMode defensive or strictest", "defensive")),
);
