// rds-cluster-copy-tags-to-snapshots-enabled: RDS DB clusters copy their tags to snapshots. (FSBP RDS.16)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-cluster-copy-tags-to-snapshots-enabled", (p) => requireTrue(p.copyTagsToSnapshot, "does not copy its tags to snapshots: set copyTagsToSnapshot true"));
