// elb-connection-draining-enabled: Classic Load Balancers drain connections. (FSBP ELB.7)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elb-connection-draining-enabled", (p) => requireTrue(p.connectionDraining, "drops in-flight requests on deregistration: set connectionDraining true"));
