// rds-cluster-default-admin-check: RDS DB clusters do not use a default administrator user name (admin, postgres). (FSBP RDS.24)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("rds-cluster-default-admin-check", (p) => requireNotIn(p.masterUsername, ["admin","postgres"], "uses the engine's default administrator name: choose another masterUsername"));
