// elb-deletion-protection-enabled: Application, Network and Gateway Load Balancers have deletion protection. (FSBP ELB.6)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elb-deletion-protection-enabled", (p) => requireTrue(p.enableDeletionProtection, "can be deleted: set enableDeletionProtection true"));
