// rds-instance-deletion-protection-enabled: RDS DB instances have deletion protection. (FSBP RDS.8)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("rds-instance-deletion-protection-enabled", (p) => requireTrue(p.deletionProtection, "can be deleted: set deletionProtection true"));
