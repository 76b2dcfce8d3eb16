// rds-instance-default-admin-check: RDS DB instances do not use a default administrator user name (admin, postgres). (FSBP RDS.25)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("rds-instance-default-admin-check", (p) => requireNotIn(p.username, ["admin","postgres"], "uses the engine's default administrator name: choose another username"));
