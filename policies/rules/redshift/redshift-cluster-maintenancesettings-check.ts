// redshift-cluster-maintenancesettings-check: Redshift clusters allow automatic major version upgrades. (FSBP Redshift.6)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("redshift-cluster-maintenancesettings-check", (p) => requireTrue(p.allowVersionUpgrade, "does not take major version upgrades: set allowVersionUpgrade true", true));
