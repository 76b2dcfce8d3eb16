import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:dms/replicationTask:ReplicationTask", {
  compliant: { "logged": { "replicationTaskSettings": "{\"Logging\":{\"EnableLogging\":true,\"LogComponents\":[{\"Id\":\"SOURCE_CAPTURE\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"},{\"Id\":\"SOURCE_UNLOAD\",\"Severity\":\"LOGGER_SEVERITY_DEFAULT\"}]}}" } },
  violating: { "no settings": {  }, "logging off": { "replicationTaskSettings": "{\"Logging\":{\"EnableLogging\":false}}" } },
  unknown: { "settings unknown": { "replicationTaskSettings": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "logged": "COMPLIANT",
  "no settings": "NON_COMPLIANT",
  "logging off": "NON_COMPLIANT",
});
