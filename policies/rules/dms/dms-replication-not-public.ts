// dms-replication-not-public: DMS replication instances are not publicly accessible. (FSBP DMS.1)
import { requireFalse, settingRule } from "../../judge";

export default settingRule("dms-replication-not-public", (p) => requireFalse(p.publiclyAccessible, "is publicly accessible: set publiclyAccessible false"));
