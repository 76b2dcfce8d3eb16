// rds-cluster-deletion-protection-enabled: RDS DB clusters have deletion protection. (FSBP RDS.7)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-cluster-deletion-protection-enabled", (p) => requireTrue(p.deletionProtection, "can be deleted: set deletionProtection true"));
