import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:dms/replicationTask:ReplicationTask", {
  compliant: { "logged": { "replicationTaskSettings": "{\"Logging\":{\"EnableLogging\":true,\"LogComponents\":[{\"Id\":\"TARGET_APPLY\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"},{\"Id\":\"TARGET_LOAD\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"}]}}" } },
  violating: { "no settings": {  }, "logging off": { "replicationTaskSettings": "{\"Logging\":{\"EnableLogging\":false}}" } },
  unknown: { "settings unknown": { "replicationTaskSettings": UNKNOWN } },
});
