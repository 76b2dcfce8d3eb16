// rds-enhanced-monitoring-enabled: RDS DB instances have enhanced monitoring. (FSBP RDS.6)
import { requireAtLeast, settingRule } from "../../judge";

export default settingRule("rds-enhanced-monitoring-enabled", (p) => requireAtLeast(p.monitoringInterval, 1, "has no enhanced monitoring: set monitoringInterval (seconds) and monitoringRoleArn"));
