// elb-cross-zone-load-balancing-enabled: Classic Load Balancers balance across zones. (FSBP ELB.9)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elb-cross-zone-load-balancing-enabled", (p) => requireTrue(p.crossZoneLoadBalancing, "balances within each zone only: set crossZoneLoadBalancing true", true));
