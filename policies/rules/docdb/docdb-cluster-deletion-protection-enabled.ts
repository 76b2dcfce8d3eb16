// docdb-cluster-deletion-protection-enabled: DocumentDB clusters have deletion protection. (FSBP DocumentDB.5)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("docdb-cluster-deletion-protection-enabled", (p) => requireTrue(p.deletionProtection, "can be deleted: set deletionProtection true"));
