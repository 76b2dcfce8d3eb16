// neptune-cluster-deletion-protection-enabled: Neptune clusters have deletion protection. (FSBP Neptune.4)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("neptune-cluster-deletion-protection-enabled", (p) => requireTrue(p.deletionProtection, "can be deleted: set deletionProtection true"));
