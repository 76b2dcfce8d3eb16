import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const settings = (enabled: boolean, ...components: Array<[string, string]>) => ({ replicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: enabled, LogComponents: components.map(([Id, Severity]) => ({ Id, Severity })) } }) });
const DEFAULT = "LOGGER_SEVERITY_DEFAULT";
// The severities at or above the default, and each component on its own: the Config rule wants both at a valid level.
const violating: Record<string, Record<string, unknown>> = {
  "TARGET_LOAD not logged": settings(true, ["TARGET_APPLY", DEFAULT]),
  "TARGET_APPLY at LOGGER_SEVERITY_ERROR": settings(true, ["TARGET_APPLY", "LOGGER_SEVERITY_ERROR"], ["TARGET_LOAD", DEFAULT]),
  "other components only": settings(true, ["TASK_MANAGER", DEFAULT], ["SOURCE_UNLOAD", DEFAULT]),
  "components logged while logging is disabled": settings(false, ["TARGET_APPLY", DEFAULT], ["TARGET_LOAD", DEFAULT]),
};
const says: Record<string, string> = { "TARGET_LOAD not logged": "does not log TARGET_LOAD:", "components logged while logging is disabled": "does not log at all" };

const cases = settingCases("aws:dms/replicationTask:ReplicationTask", {
  compliant: { "logged": { "replicationTaskSettings": "{\"Logging\":{\"EnableLogging\":true,\"LogComponents\":[{\"Id\":\"TARGET_APPLY\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"},{\"Id\":\"TARGET_LOAD\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"}]}}" }, "debug and detailed debug": settings(true, ["TARGET_APPLY", "LOGGER_SEVERITY_DEBUG"], ["TARGET_LOAD", "LOGGER_SEVERITY_DETAILED_DEBUG"]) },
  violating: { ...violating, "no settings": {  }, "logging off": { "replicationTaskSettings": "{\"Logging\":{\"EnableLogging\":false}}" } },
  unknown: { "settings unknown": { "replicationTaskSettings": UNKNOWN } },
});

const withSays = { ...cases, violating: cases.violating.map((c) => (says[c.title] ? { ...c, says: says[c.title] } : c)) };

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(withSays, {
  "logged": "COMPLIANT",
  "debug and detailed debug": "COMPLIANT",
  ...Object.fromEntries(Object.keys(violating).map((t) => [t, "NON_COMPLIANT" as const])),
  "no settings": "NON_COMPLIANT",
  "logging off": "NON_COMPLIANT",
});
