// rds-cluster-auto-minor-version-upgrade-enable: RDS DB clusters apply minor engine upgrades automatically. (FSBP RDS.35)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-cluster-auto-minor-version-upgrade-enable", (p) => requireTrue(p.autoMinorVersionUpgrade, "does not take minor version upgrades: set autoMinorVersionUpgrade true", true));
