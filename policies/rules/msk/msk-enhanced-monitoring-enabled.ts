// msk-enhanced-monitoring-enabled: MSK clusters have enhanced monitoring. (FSBP MSK.2)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("msk-enhanced-monitoring-enabled", (p) => requireNotIn(p.enhancedMonitoring, ["DEFAULT"], "has only default monitoring: set enhancedMonitoring PER_BROKER or finer", "DEFAULT"));
