// dms-replication-task-targetdb-logging: DMS replication tasks log the target database components (TARGET_APPLY, TARGET_LOAD) at default severity or above. (FSBP DMS.7)
import { json, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

const SEVERITIES = ["LOGGER_SEVERITY_DEFAULT", "LOGGER_SEVERITY_DEBUG", "LOGGER_SEVERITY_DETAILED_DEBUG"];

export default settingRule("dms-replication-task-targetdb-logging", (p) => {
  const settings = json(p.replicationTaskSettings);
  if (isUnknown(settings)) return UNKNOWN;
  const logging = settings?.Logging;
  const components: any[] = Array.isArray(logging?.LogComponents) ? logging.LogComponents : [];
  const missing = ["TARGET_APPLY","TARGET_LOAD"].filter((c) => !components.some((l) => l?.Id === c && SEVERITIES.includes(l.Severity)));
  return logging?.EnableLogging === true && missing.length === 0 ? undefined : `does not log ${missing.length ? missing.join(", ") : "at all"}: enable Logging with those components at LOGGER_SEVERITY_DEFAULT`;
});
