// elb-connection-draining-enabled: Classic Load Balancers drain connections. (FSBP ELB.7)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elb-connection-draining-enabled", (p) => requireTrue(p.connectionDraining, "drops in-flight requests on deregistration: set connectionDraining true"));
