import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const settings = (enabled: boolean, ...components: Array<[string, string]>) => ({ replicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: enabled, LogComponents: components.map(([Id, Severity]) => ({ Id, Severity })) } }) });
const DEFAULT = "LOGGER_SEVERITY_DEFAULT";
// The severities at or above the default, and each component on its own: the Config rule wants both at a valid level.
const violating: Record<string, Record<string, unknown>> = {
  "SOURCE_UNLOAD not logged": settings(true, ["SOURCE_CAPTURE", DEFAULT]),
  "SOURCE_CAPTURE at LOGGER_SEVERITY_ERROR": settings(true, ["SOURCE_CAPTURE", "LOGGER_SEVERITY_ERROR"], ["SOURCE_UNLOAD", DEFAULT]),
  "other components only": settings(true, ["TASK_MANAGER", DEFAULT], ["TARGET_LOAD", DEFAULT]),
  "components logged while logging is disabled": settings(false, ["SOURCE_CAPTURE", DEFAULT], ["SOURCE_UNLOAD", DEFAULT]),
};
const says: Record<string, string> = { "SOURCE_UNLOAD not logged": "does not log SOURCE_UNLOAD:", "components logged while logging is disabled": "does not log at all" };

const cases = settingCases("aws:dms/replicationTask:ReplicationTask", {
  compliant: { "logged": { "replicationTaskSettings": "{\"Logging\":{\"EnableLogging\":true,\"LogComponents\":[{\"Id\":\"SOURCE_CAPTURE\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"},{\"Id\":\"SOURCE_UNLOAD\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"}]}}" }, "debug and detailed debug": settings(true, ["SOURCE_CAPTURE", "LOGGER_SEVERITY_DEBUG"], ["SOURCE_UNLOAD", "LOGGER_SEVERITY_DETAILED_DEBUG"]) },
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
