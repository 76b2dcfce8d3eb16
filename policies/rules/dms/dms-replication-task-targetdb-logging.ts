// dms-replication-task-targetdb-logging: DMS replication tasks log the target database components (TARGET_APPLY, TARGET_LOAD) at default severity or above. (FSBP DMS.7)
import { requireDmsTaskLogging, settingRule } from "../../judge";

export default settingRule("dms-replication-task-targetdb-logging", (p) => requireDmsTaskLogging(p.replicationTaskSettings, ["TARGET_APPLY", "TARGET_LOAD"]));
