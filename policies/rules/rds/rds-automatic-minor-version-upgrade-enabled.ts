// rds-automatic-minor-version-upgrade-enabled: RDS DB instances apply minor engine upgrades automatically. (FSBP RDS.13)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-automatic-minor-version-upgrade-enabled", (p) => requireTrue(p.autoMinorVersionUpgrade, "does not take minor version upgrades: set autoMinorVersionUpgrade true", true));
