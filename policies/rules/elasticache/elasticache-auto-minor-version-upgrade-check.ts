// elasticache-auto-minor-version-upgrade-check: ElastiCache clusters apply minor engine upgrades automatically. (FSBP ElastiCache.2)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("elasticache-auto-minor-version-upgrade-check", (p) => requireTrue(p.autoMinorVersionUpgrade, "does not take minor version upgrades: set autoMinorVersionUpgrade true", true));
