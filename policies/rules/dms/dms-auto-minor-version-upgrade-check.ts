// dms-auto-minor-version-upgrade-check: DMS replication instances apply minor engine upgrades automatically. (FSBP DMS.6)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("dms-auto-minor-version-upgrade-check", (p) => requireTrue(p.autoMinorVersionUpgrade, "does not take minor version upgrades: set autoMinorVersionUpgrade true"));
