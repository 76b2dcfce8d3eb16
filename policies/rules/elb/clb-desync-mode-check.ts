// clb-desync-mode-check: Classic Load Balancers use the defensive or strictest desync mitigation mode. (FSBP ELB.14)
import { requireIn, settingRule } from "../../judge";

export default settingRule("clb-desync-mode-check", (p) => requireIn(p.desyncMitigationMode, ["defensive", "strictest"], "accepts ambiguous requests (monitor mode): set desyncMitigationMode defensive or strictest", "defensive"));
