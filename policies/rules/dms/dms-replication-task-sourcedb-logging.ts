// dms-replication-task-sourcedb-logging: DMS replication tasks log the source database components (SOURCE_CAPTURE, SOURCE_UNLOAD) at default severity or above. (FSBP DMS.8)
import { requireDmsTaskLogging, settingRule } from "../../judge";

export default settingRule("dms-replication-task-sourcedb-logging", (p) => requireDmsTaskLogging(p.replicationTaskSettings, ["SOURCE_CAPTURE", "SOURCE_UNLOAD"]));
